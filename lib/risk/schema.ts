import { z } from "zod";
import { errorKey } from "../errors/keys";

// Inputs of the evaluation form and its buttons. Forms post strings: empty means "not given",
// checkboxes arrive as true/false (hydrated) or "on"/absent (posted before hydration), and
// answers as `answers.<item code>` names, nested here so both kinds of post parse alike.

export const RISK_ANSWER_VALUES = ["PRESENT", "ABSENT", "UNKNOWN"] as const;
export const RISK_LEVELS = ["LOW", "MODERATE", "HIGH"] as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const ZCaseRefId = z.guid({ error: errorKey("case.notFound") });
export const ZEvaluationId = z.guid({ error: errorKey("risk.notFound") });

const optionalText = (max: number, key: Parameters<typeof errorKey>[0]) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, { error: errorKey(key) })
      .optional(),
  );

/** `answers.<code>` fields of a plain form post → `answers: { <code>: value }`. */
function nestAnswers(input: unknown): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input)) return input;
  const flat = Object.entries(input as Record<string, unknown>).filter(([k]) => k.startsWith("answers."));
  if (flat.length === 0) return input;
  const rest = Object.fromEntries(Object.entries(input).filter(([k]) => !k.startsWith("answers.")));
  const nested = { ...((rest.answers as object | undefined) ?? {}) } as Record<string, unknown>;
  for (const [k, v] of flat) nested[k.slice("answers.".length)] = v;
  return { ...rest, answers: nested };
}

export const ZStartEvaluationSchema = z.object({
  caseId: ZCaseRefId,
  correctsId: z.preprocess(blankToUndefined, ZEvaluationId.optional()),
});
export type TStartEvaluationSchema = z.infer<typeof ZStartEvaluationSchema>;

/** "" = not answered yet (a draft may leave items open; a signature may not). */
const ZAnswer = z.enum([...RISK_ANSWER_VALUES, ""], { error: errorKey("risk.answerInvalid") });

export const ZSaveEvaluationSchema = z.preprocess(
  nestAnswers,
  z
    .object({
      caseId: ZCaseRefId,
      evaluationId: ZEvaluationId,
      version: z.coerce
        .number({ error: errorKey("risk.versionInvalid") })
        .int({ error: errorKey("risk.versionInvalid") })
        .positive({ error: errorKey("risk.versionInvalid") }),
      intent: z.enum(["draft", "sign"], { error: errorKey("invalidInput") }).default("draft"),
      answers: z.record(z.string().regex(/^[a-z0-9_]{1,64}$/), ZAnswer).default({}),
      overallLevel: z.preprocess(
        blankToUndefined,
        z.enum(RISK_LEVELS, { error: errorKey("risk.levelInvalid") }).optional(),
      ),
      rationale: optionalText(5000, "risk.rationaleTooLong"),
      protectiveNotes: optionalText(2000, "risk.protectiveNotesTooLong"),
      notes: optionalText(5000, "risk.notesTooLong"),
      shareSensitiveWithSocialWorker: checkbox.default(false),
      urgentAcknowledged: checkbox.default(false),
    })
    .superRefine((v, ctx) => {
      if (v.intent !== "sign") return;
      for (const [code, value] of Object.entries(v.answers)) {
        if (!value) ctx.addIssue({ code: "custom", path: ["answers", code], message: errorKey("risk.answerRequired") });
      }
      if (!v.overallLevel)
        ctx.addIssue({ code: "custom", path: ["overallLevel"], message: errorKey("risk.levelRequired") });
      if (!v.rationale)
        ctx.addIssue({ code: "custom", path: ["rationale"], message: errorKey("risk.rationaleRequired") });
    }),
);
export type TSaveEvaluationSchema = z.output<typeof ZSaveEvaluationSchema>;

export const ZEvaluationRefSchema = z.object({ caseId: ZCaseRefId, evaluationId: ZEvaluationId });
export type TEvaluationRefSchema = z.infer<typeof ZEvaluationRefSchema>;

export const ZShareSensitiveSchema = ZEvaluationRefSchema.extend({ share: checkbox });
export type TShareSensitiveSchema = z.infer<typeof ZShareSensitiveSchema>;

/** Ids that come from the page: malformed reads as "not found" (parseOrThrow). */
export const EVALUATION_REF = { notFoundFields: ["caseId", "evaluationId", "correctsId"] } as const;
