import { z } from "zod";
import { enumParam, intParam, pageParam, textParam } from "../lists/params";
import { errorKey, type ErrorKey } from "../errors/keys";

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

/** An alert id from the page; malformed reads as "not found" (parseOrThrow notFoundFields). */
const ZAlertId = z.guid({ error: errorKey("alert.notFound") });

export const ZDismissAlertSchema = z.object({
  alertId: ZAlertId,
  reason: z
    .string({ error: errorKey("alert.reasonRequired") })
    .trim()
    .min(5, { error: errorKey("alert.reasonTooShort") })
    .max(1000, { error: errorKey("alert.reasonTooLong") }),
});
export type TDismissAlertSchema = z.infer<typeof ZDismissAlertSchema>;

export const ZOpenCaseFromAlertSchema = z.object({ alertId: ZAlertId });
export type TOpenCaseFromAlertSchema = z.infer<typeof ZOpenCaseFromAlertSchema>;

const windowRange = { error: errorKey("alertRule.windowRange") };

export const ZUpdateAlertRuleSchema = z
  .object({
    schoolId: z.guid({ error: errorKey("school.notFound") }),
    kind: z.enum(COMPUTED_KINDS, { error: errorKey("alertRule.kindInvalid") }),
    threshold: z.coerce
      .number({ error: errorKey("alertRule.thresholdNumber") })
      .positive({ error: errorKey("alertRule.thresholdPositive") }),
    windowDays: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: errorKey("alertRule.windowNumber") })
        .int({ error: errorKey("alertRule.windowInteger") })
        .min(5, windowRange)
        .max(200, windowRange)
        .optional(),
    ),
    active: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, key: ErrorKey) => ctx.addIssue({ code: "custom", path: [path], message: key });
    if (v.kind === "CONSECUTIVE_UNJUSTIFIED") {
      if (!Number.isInteger(v.threshold) || v.threshold < 2 || v.threshold > 60)
        issue("threshold", "alertRule.consecutiveRange");
    } else if (v.threshold > 100) {
      issue("threshold", "alertRule.percentRange");
    }
    if (v.kind === "UNJUSTIFIED_RATE" && v.windowDays === undefined) issue("windowDays", "alertRule.windowRequired");
  });
export type TUpdateAlertRuleSchema = z.infer<typeof ZUpdateAlertRuleSchema>;

/**
 * A form posted before hydration sends `rules.0.threshold`, `rules.0.active`…: rebuilt here
 * into the list a hydrated form sends.
 */
function rulesFromFields(input: unknown): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input) || "rules" in input) return input;
  const rules: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(input)) {
    const m = /^rules\.(\d{1,3})\.(\w+)$/.exec(key);
    if (m) (rules[Number(m[1])] ??= {})[m[2]] = value;
  }
  return { rules: rules.map((r) => r ?? {}) };
}

/** The administrator's rule table: every rule of every school, saved at once. */
export const ZUpdateAlertRulesSchema = z.preprocess(
  rulesFromFields,
  z.object({
    rules: z
      .array(ZUpdateAlertRuleSchema)
      .min(1)
      .max(4 * 500),
  }),
);
export type TUpdateAlertRulesSchema = z.infer<typeof ZUpdateAlertRulesSchema>;

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
