import type { RiskAnswerValue, RiskLevel } from "../../lib/generated/prisma/enums";
import { RISK_INSTRUMENT_V1 } from "../../lib/risk/instrument";
import { suggestRiskLevel } from "../../lib/risk/suggest-level";
import type { CaseCtx } from "./context";
import type { SeedTx } from "./types";
import { FULL_FORM_STUDENTS, V1_PREVALENCE } from "./prevalence";
import { seedUuid, stream } from "./random";
import { CASE_NOTES, RATIONALE_OPENING } from "./texts";
import { workdayAfter } from "./timeline";

// The 63 risk evaluations (instrument v1), answered so that each item's prevalence is the
// article's, all signed. Version 2 is published after the last of them, so none uses it yet.

// The ids the instruments' migration (20261129300000_risk_evaluations) gives them.
export const instrumentId = (version: number) => seedUuid("risk-instrument", version);
export const riskItemId = (version: number, code: string) => seedUuid("risk-item", version, code);

const LEVEL_ES: Record<RiskLevel, string> = { LOW: "bajo", MODERATE: "moderado", HIGH: "alto" };
const PROTECTIVE_NOTES = [
  "Participa en el equipo de fútbol del barrio.",
  "La abuela es su principal apoyo y acude a las citaciones.",
  "Muestra interés por un taller técnico de carpintería.",
  "Buena relación con su tutora de aula.",
  null,
];

function answerMatrix(ctxs: CaseCtx[]): Map<CaseCtx, Record<string, RiskAnswerValue>> {
  const r = stream("evaluations:answers");
  const answers = new Map(ctxs.map((c) => [c, {} as Record<string, RiskAnswerValue>]));
  for (const item of RISK_INSTRUMENT_V1.items) for (const c of ctxs) answers.get(c)![item.code] = "UNKNOWN";
  const core = r.sample(ctxs, FULL_FORM_STUDENTS);
  const others = ctxs.filter((c) => !core.includes(c));
  for (const t of V1_PREVALENCE) {
    const pool = t.answered <= core.length ? r.shuffle(core) : [...r.shuffle(core), ...r.shuffle(others)];
    const answered = pool.slice(0, t.answered);
    const present = new Set(r.sample(answered, t.present));
    for (const c of answered) answers.get(c)![t.code] = present.has(c) ? "PRESENT" : "ABSENT";
  }
  for (const item of RISK_INSTRUMENT_V1.items.filter((i) => i.domain === "PROTECTIVE")) {
    for (const c of ctxs)
      answers.get(c)![item.code] = r.weighted([
        ["PRESENT", 35],
        ["ABSENT", 50],
        ["UNKNOWN", 15],
      ] as const);
  }
  return answers;
}

export function planEvaluations(ctxs: CaseCtx[]) {
  const r = stream("evaluations");
  const matrix = answerMatrix(ctxs);
  for (const ctx of ctxs) {
    const { s, story, rows } = ctx;
    const answers = matrix.get(ctx)!;
    const risk = RISK_INSTRUMENT_V1.items.filter((i) => i.domain !== "PROTECTIVE");
    const present = risk.filter((i) => answers[i.code] === "PRESENT");
    // Every evaluation answers at least one risk item, so there is always a suggestion.
    const suggested = suggestRiskLevel(RISK_INSTRUMENT_V1.items, answers).level ?? "LOW";
    const sensitive = present.some((i) => i.sensitiveCategory);
    const overridden = r.chance(0.15);
    const overall: RiskLevel = !overridden
      ? suggested
      : sensitive
        ? suggested === "LOW"
          ? "MODERATE"
          : "HIGH"
        : suggested === "HIGH"
          ? "MODERATE"
          : "LOW";
    // The rationale names only non-sensitive items: it is shown wherever the case summary is.
    const named = present
      .filter((i) => !i.sensitiveCategory)
      .slice(0, 4)
      .map((i) => i.labelEs.toLowerCase());
    const rationale = [
      RATIONALE_OPENING[overall],
      named.length ? `Factores presentes, entre otros: ${named.join("; ")}.` : "",
      overall !== suggested
        ? sensitive
          ? "Se eleva el nivel sugerido por la información sensible registrada en la ficha."
          : "Se reduce el nivel sugerido por los factores protectores observados en la entrevista."
        : "Coincide con el nivel sugerido por la ficha.",
    ]
      .filter(Boolean)
      .join(" ");
    const id = seedUuid("evaluation", s.index);
    rows.evaluations.push({
      id,
      caseId: story.caseId,
      schoolId: s.schoolId,
      studentId: s.id,
      instrumentId: instrumentId(1),
      evaluatorId: ctx.psychologist,
      evaluatedAt: ctx.evaluatedAt!,
      // Written as the app writes them: a draft with its answers, then signed (the database
      // refuses answers added to a signed evaluation); see signSeedEvaluations.
      status: "DRAFT",
      draftKey: `${story.caseId}:${ctx.psychologist}`,
      createdAt: ctx.evaluatedAt!,
      updatedAt: ctx.evaluatedAt!,
      suggestedLevel: suggested,
      overallLevel: overall,
      rationale,
      protectiveNotes: r.pick(PROTECTIVE_NOTES),
    });
    for (const item of RISK_INSTRUMENT_V1.items) {
      rows.answers.push({
        evaluationId: id,
        itemId: riskItemId(1, item.code),
        schoolId: s.schoolId,
        instrumentId: instrumentId(1),
        value: answers[item.code],
      });
    }
    story.add(
      "EVALUATION",
      ctx.evaluatedAt!,
      ctx.psychologist,
      `Evaluación de factores de riesgo (versión 1): riesgo ${LEVEL_ES[overall]}.`,
      { evaluationId: id, overallLevel: overall, suggestedLevel: suggested },
    );
    ctx.answers = answers;
    ctx.level = overall;
    ctx.interventionAt = workdayAfter(ctx.evaluatedAt!, r.int(1, 2), "09:30");
    story.move("INTERVENTION", ctx.interventionAt, ctx.psychologist, CASE_NOTES.plan);
  }
}

/** Signs every seeded draft at its evaluation date, by its evaluator (one statement). */
export async function signSeedEvaluations(tx: SeedTx): Promise<number> {
  return tx.$executeRaw`
    UPDATE risk_evaluation SET status = 'SIGNED', "draftKey" = NULL, "signedAt" = "evaluatedAt", "signedById" = "evaluatorId"
     WHERE status = 'DRAFT'`;
}
