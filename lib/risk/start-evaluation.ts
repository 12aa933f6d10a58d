import "server-only";
import { parseOrThrow } from "../actions/parse";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { caseWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { caseNotFound } from "../cases/case-lock";
import { db, type Tx } from "../db";
import { AppError } from "../errors/app-error";
import { Prisma } from "../generated/prisma/client";
import { evaluationNotFound, findCurrentInstrument, findInstrumentItems } from "./queries";
import { EVALUATION_REF, ZStartEvaluationSchema } from "./schema";
import { suggestRiskLevel } from "./suggest-level";

// "Nueva evaluación" / "Corregir": opens the psychologist's draft on a case, on the latest
// published form. A psychologist has at most one draft per case (draftKey): asking again
// resumes it. A correction starts from the corrected evaluation's answers and texts, so the
// psychologist changes only what was wrong; it is a new evaluation that points at the old one.

export type StartedEvaluation = { caseId: string; evaluationId: string; resumed: boolean };

const draftKeyOf = (caseId: string, userId: string) => `${caseId}:${userId}`;

async function findOwnDraft(tx: Tx, caseId: string, userId: string) {
  return tx.riskEvaluation.findUnique({
    where: { draftKey: draftKeyOf(caseId, userId) },
    select: { id: true, correctsId: true },
  });
}

/** What a correction starts from: the corrected evaluation's answers (by item code) and texts. */
async function correctionStart(tx: Tx, c: { id: string; schoolId: string }, correctsId: string) {
  const corrected = await tx.riskEvaluation.findFirst({
    where: { id: correctsId, caseId: c.id, schoolId: c.schoolId, status: "SIGNED" },
    select: {
      overallLevel: true,
      rationale: true,
      protectiveNotes: true,
      notes: true,
      shareSensitiveWithSocialWorker: true,
      correctedBy: { select: { id: true } },
      answers: { select: { value: true, item: { select: { code: true } } } },
    },
  });
  if (!corrected) throw evaluationNotFound();
  if (corrected.correctedBy) throw new AppError("ALREADY_EXISTS", "risk.alreadyCorrected");
  const { answers, correctedBy: _, ...texts } = corrected;
  return { texts, answers: new Map(answers.map((a) => [a.item.code, a.value])) };
}

export async function startEvaluation(
  user: SessionUser | null,
  input: unknown, // validated with ZStartEvaluationSchema
  origin?: RequestOrigin,
): Promise<StartedEvaluation> {
  authorize(user, "risk.write");
  const { caseId, correctsId } = parseOrThrow(ZStartEvaluationSchema, input, EVALUATION_REF);
  const resume = async (tx: Tx) => {
    const draft = await findOwnDraft(tx, caseId, user.id);
    if (!draft) return null;
    // Asked to correct an evaluation while another draft is open: finish or discard that one first.
    if (correctsId && draft.correctsId !== correctsId) throw new AppError("ALREADY_EXISTS", "risk.draftExists");
    return { caseId, evaluationId: draft.id, resumed: true };
  };
  try {
    return await db.$transaction(async (tx) => {
      const c = await tx.case.findFirst({
        where: { AND: [{ id: caseId }, caseWhere(user)] },
        select: { id: true, schoolId: true, studentId: true, state: true },
      });
      if (!c) throw caseNotFound();
      const resumed = await resume(tx);
      if (resumed) return resumed;
      if (c.state === "CLOSED") throw new AppError("INVALID_TRANSITION", "risk.caseClosed");
      const instrument = await findCurrentInstrument(tx);
      const items = await findInstrumentItems(tx, instrument.id);
      const start = correctsId ? await correctionStart(tx, c, correctsId) : null;
      const answers = items.flatMap((i) => {
        const value = start?.answers.get(i.code);
        return value ? [{ itemId: i.id, value }] : [];
      });
      const byCode = Object.fromEntries(items.map((i) => [i.code, start?.answers.get(i.code)]));
      const created = await tx.riskEvaluation.create({
        data: {
          caseId: c.id,
          schoolId: c.schoolId,
          studentId: c.studentId,
          instrumentId: instrument.id,
          evaluatorId: user.id,
          draftKey: draftKeyOf(c.id, user.id),
          correctsId: correctsId ?? null,
          suggestedLevel: suggestRiskLevel(items, byCode).level,
          ...start?.texts,
          // The items answer under the evaluation's own school and form (composite keys).
          answers: { create: answers },
        },
        select: { id: true },
      });
      await writeAudit(
        tx,
        user,
        {
          action: "risk.evaluation.create",
          entity: "RiskEvaluation",
          entityId: created.id,
          schoolId: c.schoolId,
          details: { caseId: c.id, instrumentVersion: instrument.version, correctsId: correctsId ?? null },
        },
        origin,
      );
      return { caseId: c.id, evaluationId: created.id, resumed: false };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const target = JSON.stringify(e.meta ?? {});
      // A double click raced its twin: the other request created the draft.
      if (target.includes("draftKey")) {
        const resumed = await db.$transaction(resume);
        if (resumed) return resumed;
      }
      if (target.includes("correctsId")) throw new AppError("ALREADY_EXISTS", "risk.alreadyCorrected");
    }
    throw e;
  }
}
