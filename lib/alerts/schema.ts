import { z } from "zod";
import { enumParam, intParam, pageParam, textParam } from "../lists/params";

// Alert kinds, rule defaults, the figures an alert keeps, and the inputs of the alert screens.
// See docs/decisions/006-alert-rules.md for how each rule reads the attendance.

/** Kinds computed from attendance (CONCERN is raised by a person, never computed). */
export const COMPUTED_KINDS = [
  "CONSECUTIVE_UNJUSTIFIED",
  "UNJUSTIFIED_RATE",
  "CHRONIC_TIER2",
  "CHRONIC_TIER3",
] as const;
export type ComputedKind = (typeof COMPUTED_KINDS)[number];

export const ALERT_KINDS = [...COMPUTED_KINDS, "CONCERN"] as const;
export type AlertKindName = (typeof ALERT_KINDS)[number];

/** PRODUCT.md §3.3 defaults. Consecutive: absences; the others: percent of school days. */
export const DEFAULT_RULES: Record<ComputedKind, { threshold: number; windowDays: number | null }> = {
  CONSECUTIVE_UNJUSTIFIED: { threshold: 3, windowDays: null },
  UNJUSTIFIED_RATE: { threshold: 10, windowDays: 20 },
  CHRONIC_TIER2: { threshold: 10, windowDays: null },
  CHRONIC_TIER3: { threshold: 20, windowDays: null },
};

/** Window of the rate rule when its row has none. */
export const DEFAULT_RATE_WINDOW = 20;

/**
 * A cumulative percentage means nothing over two or three days (one absence on the first day
 * of term would be "100 %"): the chronic tiers apply once the student has this many school
 * days in the evaluated period (the usual chronic-absence definition counts students enrolled
 * at least 10 days).
 */
export const CHRONIC_MIN_DAYS = 10;

export type RuleConfig = {
  id?: string;
  kind: ComputedKind;
  threshold: number;
  windowDays: number | null;
  active: boolean;
};

// Figures kept on the alert: the numbers that fired it, dates as YYYY-MM-DD. The alert's
// firstDate/lastDate are the first and last absence it counted. Same keys as the demo seed.
export type ConsecutiveFigures = {
  consecutive: number;
  threshold: number;
  from: string;
  to: string;
  ongoing?: boolean;
};
export type RateFigures = {
  unjustified: number;
  days: number;
  pct: number;
  threshold: number;
  windowFrom: string;
  windowTo: string;
};
export type ChronicFigures = {
  absences: number;
  justified: number;
  unjustified: number;
  days: number;
  pct: number;
  threshold: number;
  /** The evaluated period (absent in alerts written before the period was recorded). */
  from?: string;
  to?: string;
};
export type AlertFigures = ConsecutiveFigures | RateFigures | ChronicFigures;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ZDismissAlertSchema = z.object({
  alertId: z.guid({ error: "Alerta no válida." }),
  reason: z
    .string({ error: "Escriba el motivo para descartar la alerta." })
    .trim()
    .min(5, { error: "Escriba el motivo para descartar la alerta (al menos 5 caracteres)." })
    .max(1000, { error: "El motivo admite hasta 1000 caracteres." }),
});
export type TDismissAlertSchema = z.infer<typeof ZDismissAlertSchema>;

export const ZOpenCaseFromAlertSchema = z.object({ alertId: z.guid({ error: "Alerta no válida." }) });

export const ZUpdateAlertRuleSchema = z
  .object({
    schoolId: z.guid({ error: "Colegio no válido." }),
    kind: z.enum(COMPUTED_KINDS, { error: "Tipo de regla no válido." }),
    threshold: z.coerce
      .number({ error: "El umbral debe ser un número." })
      .positive({ error: "El umbral debe ser mayor que 0." }),
    windowDays: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "La ventana debe ser un número de días." })
        .int({ error: "La ventana debe ser un número entero de días de clase." })
        .min(5, { error: "La ventana debe tener entre 5 y 200 días de clase." })
        .max(200, { error: "La ventana debe tener entre 5 y 200 días de clase." })
        .optional(),
    ),
    active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "CONSECUTIVE_UNJUSTIFIED") {
      if (!Number.isInteger(v.threshold) || v.threshold < 2 || v.threshold > 60) {
        ctx.addIssue({
          code: "custom",
          path: ["threshold"],
          message: "Las faltas seguidas deben ser un número entero entre 2 y 60.",
        });
      }
    } else if (v.threshold > 100) {
      ctx.addIssue({ code: "custom", path: ["threshold"], message: "El porcentaje debe estar entre 0 y 100." });
    }
    if (v.kind === "UNJUSTIFIED_RATE" && v.windowDays === undefined) {
      ctx.addIssue({ code: "custom", path: ["windowDays"], message: "Indique la ventana en días de clase." });
    }
  });
export type TUpdateAlertRuleSchema = z.infer<typeof ZUpdateAlertRuleSchema>;

export const INBOX_PAGE_SIZE = 25;

/** Inbox filters from the query string: anything unreadable is ignored, not an error. */
export const ZAlertListFilters = z.object({
  kind: enumParam(ALERT_KINDS),
  grade: intParam(1, 6),
  section: textParam(10),
  sex: enumParam(["F", "M"]),
  page: pageParam,
});
export type TAlertListFilters = z.output<typeof ZAlertListFilters>;
