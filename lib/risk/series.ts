import "server-only";
import { writeReadAudit } from "../audit/write-read-audit";
import { riskAnswerWhere, riskEvaluationWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { findCaseForViewer } from "../cases/case-file";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import type { RiskAnswerValue, RiskLevel } from "../generated/prisma/enums";
import { evaluationView } from "./access";
import { compareEvaluations, type ComparisonRow, type ChangeCounts, type SeriesItem } from "./compare";
import { evaluationNotFound } from "./queries";

// A case's evaluations over time, for viewers who may read answers. A corrected evaluation is
// replaced by its correction (the series shows what the team currently holds as true); drafts
// are not part of it. Each evaluation read is audited.

export type SeriesColumn = {
  id: string;
  evaluatedAt: Date;
  overallLevel: RiskLevel | null;
  instrumentVersion: number;
  evaluatorName: string | null;
  correctsId: string | null;
};

export type EvaluationSeries = { columns: SeriesColumn[]; rows: ComparisonRow[]; counts: ChangeCounts[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getEvaluationSeries(
  user: SessionUser | null,
  caseId: string,
  origin: RequestOrigin,
): Promise<EvaluationSeries> {
  if (!user) throw new AppError("UNAUTHENTICATED", "signIn");
  if (!UUID.test(caseId)) throw evaluationNotFound();
  return db.$transaction(async (tx) => {
    const viewer = await findCaseForViewer(tx, user, caseId);
    if (evaluationView(viewer.sections) !== "FULL") throw evaluationNotFound();
    const c = viewer.case;
    const evaluations = await tx.riskEvaluation.findMany({
      where: {
        AND: [
          { caseId: c.id, schoolId: c.schoolId, status: "SIGNED" },
          riskEvaluationWhere(user),
          { NOT: { correctedBy: { is: { status: "SIGNED" } } } },
        ],
      },
      select: {
        id: true,
        evaluatedAt: true,
        overallLevel: true,
        instrumentId: true,
        correctsId: true,
        instrument: { select: { version: true } },
        evaluator: { select: { name: true } },
      },
      orderBy: [{ evaluatedAt: "asc" }, { id: "asc" }],
    });
    const ids = evaluations.map((e) => e.id);
    // One query at a time: a transaction is one connection.
    const answers = await tx.riskAnswer.findMany({
      where: { AND: [{ evaluationId: { in: ids }, schoolId: c.schoolId }, riskAnswerWhere(user, viewer.sections)] },
      select: { evaluationId: true, value: true, item: { select: { code: true } } },
    });
    const itemRows = await tx.riskItem.findMany({
      where: { instrumentId: { in: [...new Set(evaluations.map((e) => e.instrumentId))] } },
      select: {
        instrumentId: true,
        code: true,
        domain: true,
        position: true,
        labelEs: true,
        labelEn: true,
        instrument: { select: { version: true } },
      },
      orderBy: [{ instrument: { version: "asc" } }, { position: "asc" }],
    });
    for (const e of evaluations) {
      await writeReadAudit(
        tx,
        user,
        {
          action: "risk.evaluation.read",
          entity: "RiskEvaluation",
          entityId: e.id,
          schoolId: c.schoolId,
          details: { view: "COMPARE" },
        },
        origin,
      );
    }
    // The newest form's wording and order win (rows are ordered by version, later ones overwrite).
    const items = new Map<string, SeriesItem>();
    for (const { code, domain, position, labelEs, labelEn } of itemRows)
      items.set(code, { code, domain, position, labelEs, labelEn });
    const series = evaluations.map((e) => ({
      id: e.id,
      codes: itemRows.filter((i) => i.instrumentId === e.instrumentId).map((i) => i.code),
      answers: Object.fromEntries(
        answers.filter((a) => a.evaluationId === e.id).map((a) => [a.item.code, a.value] as [string, RiskAnswerValue]),
      ),
    }));
    const { rows, counts } = compareEvaluations([...items.values()], series);
    const columns = evaluations.map((e) => ({
      id: e.id,
      evaluatedAt: e.evaluatedAt,
      overallLevel: e.overallLevel,
      instrumentVersion: e.instrument.version,
      evaluatorName: e.evaluator?.name ?? null,
      correctsId: e.correctsId,
    }));
    return { columns, rows, counts };
  });
}
