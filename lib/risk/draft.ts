import "server-only";
import { writeReadAudit } from "../audit/write-read-audit";
import { authorize } from "../auth/authorize";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { findCaseForViewer } from "../cases/case-file";
import { db } from "../db";
import type { RiskAnswerValue } from "../generated/prisma/enums";
import { findServingAgency } from "../tasks/urgent-referral";
import { evaluationNotFound, findInstrumentItems } from "./queries";

// The psychologist's own draft, loaded for the form. Someone else's draft is "not found"; a
// draft that has meanwhile been signed answers { signed: true } so the page can show it instead.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getOwnDraftOrThrow(
  user: SessionUser | null,
  ids: { caseId: string; evaluationId: string },
  origin: RequestOrigin,
) {
  authorize(user, "risk.write");
  if (!UUID.test(ids.caseId) || !UUID.test(ids.evaluationId)) throw evaluationNotFound();
  return db.$transaction(async (tx) => {
    const viewer = await findCaseForViewer(tx, user, ids.caseId);
    const c = viewer.case;
    const row = await tx.riskEvaluation.findFirst({
      where: { id: ids.evaluationId, caseId: c.id, schoolId: c.schoolId, evaluatorId: user.id },
      select: {
        id: true,
        status: true,
        version: true,
        instrumentId: true,
        correctsId: true,
        corrects: { select: { evaluatedAt: true } },
        instrument: { select: { version: true, name: true } },
        overallLevel: true,
        rationale: true,
        protectiveNotes: true,
        notes: true,
        shareSensitiveWithSocialWorker: true,
        answers: { select: { value: true, item: { select: { code: true } } } },
      },
    });
    if (!row) throw evaluationNotFound();
    if (row.status === "SIGNED") return { signed: true as const, caseId: c.id, evaluationId: row.id };
    // One query at a time: a transaction is one connection.
    const items = await findInstrumentItems(tx, row.instrumentId);
    const student = await tx.student.findFirst({
      where: { id: c.studentId, schoolId: c.schoolId },
      select: { paternalSurname: true, maternalSurname: true, givenNames: true },
    });
    const urgentTypes = [...new Set(items.flatMap((i) => (i.urgentReferralTo ? [i.urgentReferralTo] : [])))];
    const urgentAgencies: Awaited<ReturnType<typeof findServingAgency>>[] = [];
    for (const type of urgentTypes) urgentAgencies.push(await findServingAgency(tx, c.schoolId, type));
    await writeReadAudit(
      tx,
      user,
      {
        action: "risk.evaluation.read",
        entity: "RiskEvaluation",
        entityId: row.id,
        schoolId: c.schoolId,
        details: { view: "EDIT" },
      },
      origin,
    );
    const { answers, ...evaluation } = row;
    return {
      signed: false as const,
      caseId: c.id,
      schoolName: c.school.name,
      student,
      evaluation,
      items,
      answers: Object.fromEntries(answers.map((a) => [a.item.code, a.value])) as Record<string, RiskAnswerValue>,
      /** The agency each urgent item refers to, by agency type (null when none is registered). */
      urgentAgencies: Object.fromEntries(urgentTypes.map((t, i) => [t, urgentAgencies[i]?.name ?? null])),
    };
  });
}

export type OwnDraft = Extract<Awaited<ReturnType<typeof getOwnDraftOrThrow>>, { signed: false }>;
