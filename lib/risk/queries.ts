import "server-only";
import { writeReadAudit } from "../audit/write-read-audit";
import { riskAnswerWhere, riskEvaluationWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { findCaseForViewer, type CaseForViewer } from "../cases/case-file";
import { db, type Tx } from "../db";
import { AppError } from "../errors/app-error";
import type { Prisma } from "../generated/prisma/client";
import type { RiskAnswerValue } from "../generated/prisma/enums";
import { evaluationView, type EvaluationView } from "./access";

// Reads of risk evaluations. What a viewer gets is decided by the query itself: the case with
// the caller's scope, the evaluations they may see (drafts: their author only), the fields of
// their view (lib/risk/access.ts) and only the answers riskAnswerWhere lets through. Hidden
// fields are never selected, so they cannot reach a page or its RSC payload. Every read of an
// evaluation is audited in the same transaction.

export const evaluationNotFound = () => new AppError("NOT_FOUND", "risk.notFound");

const SUMMARY_SELECT = {
  id: true,
  status: true,
  evaluatedAt: true,
  overallLevel: true,
  correctsId: true,
  evaluatorId: true,
  instrument: { select: { version: true } },
  evaluator: { select: { name: true } },
  correctedBy: { select: { id: true, status: true } },
  corrects: { select: { evaluatedAt: true } },
} satisfies Prisma.RiskEvaluationSelect;

const FULL_SELECT = {
  ...SUMMARY_SELECT,
  instrumentId: true,
  suggestedLevel: true,
  rationale: true,
  protectiveNotes: true,
  notes: true,
  shareSensitiveWithSocialWorker: true,
  signedAt: true,
  signedBy: { select: { name: true } },
} satisfies Prisma.RiskEvaluationSelect;

export const ITEM_SELECT = {
  id: true,
  code: true,
  domain: true,
  position: true,
  labelEs: true,
  labelEn: true,
  sensitiveCategory: true,
  urgentReferralTo: true,
} satisfies Prisma.RiskItemSelect;

export type RiskItemRow = Prisma.RiskItemGetPayload<{ select: typeof ITEM_SELECT }>;
type SummaryRow = Prisma.RiskEvaluationGetPayload<{ select: typeof SUMMARY_SELECT }>;
type FullRow = Prisma.RiskEvaluationGetPayload<{ select: typeof FULL_SELECT }>;

/** Level, date and evaluator: what every viewer of a case's evaluations may see. */
export type EvaluationSummary = {
  id: string;
  status: SummaryRow["status"];
  evaluatedAt: Date;
  overallLevel: SummaryRow["overallLevel"];
  instrumentVersion: number;
  evaluatorName: string | null;
  correctsId: string | null;
  correctsDate: Date | null;
  /** The signed evaluation that corrects this one (a correction still in draft does not count). */
  correctedById: string | null;
  isOwnDraft: boolean;
};

export type EvaluationDetail = EvaluationSummary &
  Pick<
    FullRow,
    | "instrumentId"
    | "suggestedLevel"
    | "rationale"
    | "protectiveNotes"
    | "notes"
    | "shareSensitiveWithSocialWorker"
    | "signedAt"
  > & { signedByName: string | null };

export type VisibleAnswer = { value: RiskAnswerValue; item: RiskItemRow };

function toSummary(user: SessionUser, row: SummaryRow): EvaluationSummary {
  return {
    id: row.id,
    status: row.status,
    evaluatedAt: row.evaluatedAt,
    overallLevel: row.overallLevel,
    instrumentVersion: row.instrument.version,
    evaluatorName: row.evaluator?.name ?? null,
    correctsId: row.correctsId,
    correctsDate: row.corrects?.evaluatedAt ?? null,
    correctedById: row.correctedBy?.status === "SIGNED" ? row.correctedBy.id : null,
    isOwnDraft: row.status === "DRAFT" && row.evaluatorId === user.id,
  };
}

function toDetail(user: SessionUser, row: FullRow): EvaluationDetail {
  return {
    ...toSummary(user, row),
    instrumentId: row.instrumentId,
    suggestedLevel: row.suggestedLevel,
    rationale: row.rationale,
    protectiveNotes: row.protectiveNotes,
    notes: row.notes,
    shareSensitiveWithSocialWorker: row.shareSensitiveWithSocialWorker,
    signedAt: row.signedAt,
    signedByName: row.signedBy?.name ?? null,
  };
}

/**
 * The case page's list, newest first, as arguments of the case's `evaluations` relation: it is
 * read with the case itself (lib/cases/case-file.ts; that read is audited as case.read).
 */
export function evaluationSummaryArgs(user: SessionUser) {
  return {
    where: riskEvaluationWhere(user),
    select: SUMMARY_SELECT,
    orderBy: [{ evaluatedAt: "desc" }, { id: "asc" }],
  } satisfies Prisma.Case$evaluationsArgs;
}

export function toEvaluationSummaries(user: SessionUser, rows: EvaluationSummaryRow[]): EvaluationSummary[] {
  return rows.map((r) => toSummary(user, r));
}

export type EvaluationSummaryRow = SummaryRow;

/** The answers of one evaluation this viewer may read, in form order. */
export async function findVisibleAnswers(
  tx: Tx,
  user: SessionUser,
  viewer: Pick<CaseForViewer, "sections" | "case">,
  evaluationId: string,
): Promise<VisibleAnswer[]> {
  return tx.riskAnswer.findMany({
    where: {
      AND: [{ evaluationId, schoolId: viewer.case.schoolId }, riskAnswerWhere(user, viewer.sections)],
    },
    select: { value: true, item: { select: ITEM_SELECT } },
    orderBy: { item: { position: "asc" } },
  });
}

type StudentName = { paternalSurname: string; maternalSurname: string; givenNames: string };

export type EvaluationRead =
  | {
      view: "SUMMARY";
      caseId: string;
      student: StudentName | null;
      evaluation: EvaluationSummary;
      answers: null;
      hiddenAnswers: null;
    }
  | {
      view: "FULL";
      caseId: string;
      student: StudentName | null;
      evaluation: EvaluationDetail;
      answers: VisibleAnswer[];
      /** Items of the form whose answers this viewer may not read. */
      hiddenAnswers: number;
    };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One evaluation as `user` may see it, or NOT_FOUND (case or evaluation out of reach, a draft
 * of someone else, or a viewer given no risk section at all, such as PNP/Bapes).
 */
export async function getEvaluationOrThrow(
  user: SessionUser | null,
  ids: { caseId: string; evaluationId: string },
  origin: RequestOrigin,
): Promise<EvaluationRead> {
  if (!user) throw new AppError("UNAUTHENTICATED", "signIn");
  if (!UUID.test(ids.caseId) || !UUID.test(ids.evaluationId)) throw evaluationNotFound();
  return db.$transaction(async (tx) => {
    const viewer = await findCaseForViewer(tx, user, ids.caseId);
    const view: EvaluationView | null = evaluationView(viewer.sections);
    if (!view) throw evaluationNotFound();
    const where: Prisma.RiskEvaluationWhereInput = {
      AND: [
        { id: ids.evaluationId, caseId: viewer.case.id, schoolId: viewer.case.schoolId },
        riskEvaluationWhere(user),
      ],
    };
    const audit = async (details: Prisma.InputJsonObject) =>
      writeReadAudit(
        tx,
        user,
        {
          action: "risk.evaluation.read",
          entity: "RiskEvaluation",
          entityId: ids.evaluationId,
          schoolId: viewer.case.schoolId,
          details: { view, ...details },
        },
        origin,
      );
    // The name heads the page only for viewers who may see who the student is.
    const student = viewer.sections.includes("IDENTIFICATION")
      ? await tx.student.findFirst({
          where: { id: viewer.case.studentId, schoolId: viewer.case.schoolId },
          select: { paternalSurname: true, maternalSurname: true, givenNames: true },
        })
      : null;
    if (view === "SUMMARY") {
      const row = await tx.riskEvaluation.findFirst({ where, select: SUMMARY_SELECT });
      if (!row) throw evaluationNotFound();
      await audit({ answers: 0 });
      const evaluation = toSummary(user, row);
      return { view, caseId: viewer.case.id, student, evaluation, answers: null, hiddenAnswers: null };
    }
    const row = await tx.riskEvaluation.findFirst({ where, select: FULL_SELECT });
    if (!row) throw evaluationNotFound();
    // One query at a time: a transaction is one connection.
    const answers = await findVisibleAnswers(tx, user, viewer, row.id);
    const items = await tx.riskItem.count({ where: { instrumentId: row.instrumentId } });
    const sensitive = answers.filter((a) => a.item.sensitiveCategory).length;
    await audit({ answers: answers.length, sensitive });
    // A draft may leave items unanswered: only a signed form has one answer per item.
    const hiddenAnswers = row.status === "SIGNED" ? items - answers.length : 0;
    return {
      view,
      caseId: viewer.case.id,
      student,
      evaluation: toDetail(user, row),
      answers,
      hiddenAnswers,
    };
  });
}

/** The items of an instrument in form order. */
export function findInstrumentItems(tx: Tx, instrumentId: string): Promise<RiskItemRow[]> {
  return tx.riskItem.findMany({ where: { instrumentId }, select: ITEM_SELECT, orderBy: { position: "asc" } });
}

/** The instrument new evaluations use: the highest version already published. */
export async function findCurrentInstrument(tx: Tx, now = new Date()) {
  const instrument = await tx.riskInstrument.findFirst({
    where: { publishedAt: { lte: now } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, name: true },
  });
  if (!instrument) throw new AppError("NOT_FOUND", "risk.noInstrument");
  return instrument;
}
