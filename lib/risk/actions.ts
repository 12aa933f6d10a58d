"use server";

import { defineAction } from "../actions/action";
import { caseFilePaths, casePartPath } from "../cases/paths";
import { discardEvaluationDraft, shareSensitiveAnswers } from "./manage-evaluation";
import { saveEvaluation } from "./save-evaluation";
import { startEvaluation } from "./start-evaluation";

// Server actions of the risk evaluation pages; every rule lives in the domain functions.

const casePath = (caseId: string) => `/cases/${caseId}`;
/** The case's evaluations tab, where the list of its evaluations is. */
const tabPath = (caseId: string) => casePartPath(caseId, "evaluations");
const evaluationPath = (caseId: string, id: string) => `/cases/${caseId}/evaluations/${id}`;

/** "Nueva evaluación" and "Corregir": open (or resume) the draft and go to its form. */
export const startEvaluationAction = defineAction("risk.evaluation.start", startEvaluation, {
  revalidate: ({ caseId }) => caseFilePaths(caseId),
  redirect: ({ caseId, evaluationId }) => `${evaluationPath(caseId, evaluationId)}/edit`,
});

/**
 * "Guardar borrador" stays on the form. "Firmar" goes to the case, at the urgent referral to
 * make today when the signature created one, or else to the signed evaluation.
 */
export const saveEvaluationAction = defineAction("risk.evaluation.save", saveEvaluation, {
  revalidate: ({ caseId, evaluationId }) => [
    ...caseFilePaths(caseId),
    evaluationPath(caseId, evaluationId),
    `${evaluationPath(caseId, evaluationId)}/edit`,
  ],
  redirect: ({ caseId, evaluationId, signed, urgentTaskIds }) =>
    !signed ? null : urgentTaskIds.length ? `${casePath(caseId)}#urgent-tasks` : evaluationPath(caseId, evaluationId),
});

export const discardEvaluationDraftAction = defineAction("risk.evaluation.discard", discardEvaluationDraft, {
  revalidate: ({ caseId }) => caseFilePaths(caseId),
  redirect: ({ caseId }) => tabPath(caseId),
});

export const shareSensitiveAnswersAction = defineAction("risk.evaluation.share", shareSensitiveAnswers, {
  revalidate: ({ caseId, evaluationId }) => [evaluationPath(caseId, evaluationId)],
});
