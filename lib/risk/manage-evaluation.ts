import "server-only";
import { parseOrThrow } from "../actions/parse";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { caseWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import { evaluationNotFound } from "./queries";
import { EVALUATION_REF, ZEvaluationRefSchema, ZShareSensitiveSchema } from "./schema";

// The two changes around an evaluation that are not its content: discarding one's own draft,
// and sharing a signed evaluation's sensitive answers with the social worker (or withdrawing
// it). Sharing is an access decision any psychologist of the school may take; the database
// lets this one flag change on a signed row and nothing else.

export async function discardEvaluationDraft(
  user: SessionUser | null,
  input: unknown, // validated with ZEvaluationRefSchema
  origin?: RequestOrigin,
): Promise<{ caseId: string }> {
  authorize(user, "risk.write");
  const { caseId, evaluationId } = parseOrThrow(ZEvaluationRefSchema, input, EVALUATION_REF);
  return db.$transaction(async (tx) => {
    const draft = await tx.riskEvaluation.findFirst({
      where: { id: evaluationId, caseId, status: "DRAFT", evaluatorId: user.id, case: caseWhere(user) },
      select: { id: true, schoolId: true },
    });
    if (!draft) throw evaluationNotFound();
    await tx.riskEvaluation.deleteMany({ where: { id: draft.id, status: "DRAFT" } });
    await writeAudit(
      tx,
      user,
      { action: "risk.evaluation.discard", entity: "RiskEvaluation", entityId: draft.id, schoolId: draft.schoolId },
      origin,
    );
    return { caseId };
  });
}

export async function shareSensitiveAnswers(
  user: SessionUser | null,
  input: unknown, // validated with ZShareSensitiveSchema
  origin?: RequestOrigin,
): Promise<{ caseId: string; evaluationId: string; share: boolean }> {
  authorize(user, "risk.write");
  const { caseId, evaluationId, share } = parseOrThrow(ZShareSensitiveSchema, input, EVALUATION_REF);
  return db.$transaction(async (tx) => {
    const where = { id: evaluationId, caseId, status: "SIGNED" as const, case: caseWhere(user) };
    const { count } = await tx.riskEvaluation.updateMany({ where, data: { shareSensitiveWithSocialWorker: share } });
    if (count === 0) throw evaluationNotFound();
    const row = await tx.riskEvaluation.findFirstOrThrow({ where, select: { schoolId: true } });
    await writeAudit(
      tx,
      user,
      {
        action: "risk.evaluation.share",
        entity: "RiskEvaluation",
        entityId: evaluationId,
        schoolId: row.schoolId,
        details: { shareSensitiveWithSocialWorker: share },
      },
      origin,
    );
    return { caseId, evaluationId, share };
  });
}
