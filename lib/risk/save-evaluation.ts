import "server-only";
import { parseOrThrow } from "../actions/parse";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { caseWhere, riskEvaluationWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { bumpCaseVersion } from "../cases/case-lock";
import { db, type Tx } from "../db";
import { AppError, fieldIssue } from "../errors/app-error";
import type { RiskAnswerValue } from "../generated/prisma/enums";
import { createUrgentReferralTask } from "../tasks/urgent-referral";
import { evaluationNotFound, findInstrumentItems, type RiskItemRow } from "./queries";
import { EVALUATION_REF, ZSaveEvaluationSchema, type TSaveEvaluationSchema } from "./schema";
import { suggestRiskLevel } from "./suggest-level";

// Saving the psychologist's draft, and signing it. Only the draft's author, only while it is a
// DRAFT (the conditional update below), only with the version the form was loaded with. The
// suggestion is recomputed here from the saved answers, never taken from the browser.
// Signing also: requires every item answered, a level and a rationale; creates in the same
// transaction the same-day urgent referral task for an urgent item marked present (a deferred
// database trigger refuses the signature without it); adds the case's timeline event.

export type SavedEvaluation = {
  caseId: string;
  evaluationId: string;
  version: number;
  signed: boolean;
  urgentTaskIds: string[];
};

async function lockOwnDraft(tx: Tx, user: SessionUser, input: TSaveEvaluationSchema) {
  const own = {
    id: input.evaluationId,
    caseId: input.caseId,
    status: "DRAFT" as const,
    evaluatorId: user.id,
    case: caseWhere(user),
  };
  const { count } = await tx.riskEvaluation.updateMany({
    where: { ...own, version: input.version },
    data: { version: { increment: 1 } },
  });
  if (count === 0) {
    const visible = await tx.riskEvaluation.findFirst({
      where: {
        AND: [{ id: input.evaluationId, caseId: input.caseId, case: caseWhere(user) }, riskEvaluationWhere(user)],
      },
      select: { status: true },
    });
    if (!visible) throw evaluationNotFound();
    throw new AppError("CONFLICT", visible.status === "SIGNED" ? "risk.alreadySigned" : "risk.conflict");
  }
  return tx.riskEvaluation.findFirstOrThrow({
    where: own,
    select: {
      id: true,
      caseId: true,
      schoolId: true,
      studentId: true,
      instrumentId: true,
      version: true,
      correctsId: true,
      instrument: { select: { version: true } },
    },
  });
}

/** The posted answers by item, refusing codes that are not on the evaluation's form. */
function answersByItem(items: RiskItemRow[], posted: TSaveEvaluationSchema["answers"]) {
  const codes = new Set(items.map((i) => i.code));
  if (Object.keys(posted).some((code) => !codes.has(code))) throw new AppError("CONFLICT", "risk.unknownItem");
  const values: Record<string, RiskAnswerValue | undefined> = {};
  for (const i of items) values[i.code] = posted[i.code] || undefined;
  return values;
}

function assertSignable(
  items: RiskItemRow[],
  values: Record<string, RiskAnswerValue | undefined>,
  acknowledged: boolean,
) {
  const missing = items.filter((i) => !values[i.code]);
  if (missing.length) {
    throw new AppError(
      "INVALID_INPUT",
      "risk.answersMissing",
      { count: missing.length },
      missing.map((i) => fieldIssue(`answers.${i.code}`, "risk.answerRequired")),
    );
  }
  const urgent = items.some((i) => i.urgentReferralTo && values[i.code] === "PRESENT");
  if (urgent && !acknowledged) {
    throw new AppError("INVALID_INPUT", "risk.urgentAcknowledge", {}, [
      fieldIssue("urgentAcknowledged", "risk.urgentAcknowledge"),
    ]);
  }
}

export async function saveEvaluation(
  user: SessionUser | null,
  input: unknown, // validated with ZSaveEvaluationSchema
  origin?: RequestOrigin,
): Promise<SavedEvaluation> {
  authorize(user, "risk.write");
  const parsed = parseOrThrow(ZSaveEvaluationSchema, input, EVALUATION_REF);
  const signing = parsed.intent === "sign";
  return db.$transaction(async (tx) => {
    const draft = await lockOwnDraft(tx, user, parsed);
    const items = await findInstrumentItems(tx, draft.instrumentId);
    const values = answersByItem(items, parsed.answers);
    if (signing) assertSignable(items, values, parsed.urgentAcknowledged);
    await tx.riskAnswer.deleteMany({ where: { evaluationId: draft.id } });
    await tx.riskAnswer.createMany({
      data: items.flatMap((i) => {
        const value = values[i.code];
        return value
          ? [
              {
                evaluationId: draft.id,
                itemId: i.id,
                schoolId: draft.schoolId,
                instrumentId: draft.instrumentId,
                value,
              },
            ]
          : [];
      }),
    });
    const suggestion = suggestRiskLevel(items, values);
    const now = new Date();
    const fields = {
      suggestedLevel: suggestion.level,
      overallLevel: parsed.overallLevel ?? null,
      rationale: parsed.rationale ?? null,
      protectiveNotes: parsed.protectiveNotes ?? null,
      notes: parsed.notes ?? null,
      shareSensitiveWithSocialWorker: parsed.shareSensitiveWithSocialWorker,
    };
    const signature = signing
      ? { status: "SIGNED" as const, draftKey: null, signedAt: now, signedById: user.id, evaluatedAt: now }
      : {};
    // Conditional on DRAFT: a signed evaluation is never written again.
    const { count } = await tx.riskEvaluation.updateMany({
      where: { id: draft.id, status: "DRAFT" },
      data: { ...fields, ...signature },
    });
    if (count !== 1) throw new AppError("CONFLICT", "risk.alreadySigned");
    const urgentTaskIds: string[] = [];
    if (signing) {
      for (const item of items.filter((i) => i.urgentReferralTo && values[i.code] === "PRESENT")) {
        const task = await createUrgentReferralTask(
          tx,
          user,
          { ...draft, evaluationId: draft.id, agencyType: item.urgentReferralTo!, now },
          origin,
        );
        urgentTaskIds.push(task.id);
      }
      await bumpCaseVersion(tx, user, draft.caseId);
      await tx.caseEvent.create({
        data: {
          caseId: draft.caseId,
          schoolId: draft.schoolId,
          type: "EVALUATION",
          actorId: user.id,
          occurredAt: now,
          // Level and form only: the timeline is read by roles that may not see the answers.
          data: {
            evaluationId: draft.id,
            overallLevel: parsed.overallLevel!,
            instrumentVersion: draft.instrument.version,
            correctsId: draft.correctsId,
          },
        },
      });
    }
    await writeAudit(
      tx,
      user,
      {
        action: signing ? "risk.evaluation.sign" : "risk.evaluation.saveDraft",
        entity: "RiskEvaluation",
        entityId: draft.id,
        schoolId: draft.schoolId,
        details: {
          caseId: draft.caseId,
          version: draft.version,
          answered: Object.values(values).filter(Boolean).length,
          suggestedLevel: suggestion.level,
          overallLevel: parsed.overallLevel ?? null,
          ...(signing ? { urgentTaskIds, correctsId: draft.correctsId } : {}),
        },
      },
      origin,
    );
    return { caseId: draft.caseId, evaluationId: draft.id, version: draft.version, signed: signing, urgentTaskIds };
  });
}
