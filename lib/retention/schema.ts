import { z } from "zod";
import { errorKey } from "../errors/keys";

// Inputs of /admin/retention: the retention period, and the confirmation of an anonymisation
// (the cut-off day and the number of cases the administrator was shown).

export const DEFAULT_RETENTION_YEARS = 5;
export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 50;

export const ZRetentionYearsSchema = z.object({
  years: z.coerce
    .number({ error: errorKey("retention.yearsInteger") })
    .int({ error: errorKey("retention.yearsInteger") })
    .min(MIN_RETENTION_YEARS, { error: errorKey("retention.yearsRange") })
    .max(MAX_RETENTION_YEARS, { error: errorKey("retention.yearsRange") }),
});
export type TRetentionYearsSchema = z.infer<typeof ZRetentionYearsSchema>;

export const ZAnonymiseSchema = z.object({
  /** Cases closed before this Lima day are anonymised (the day the confirmation showed). */
  cutoff: z
    .string({ error: errorKey("retention.cutoffInvalid") })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: errorKey("retention.cutoffInvalid") })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: errorKey("retention.cutoffInvalid") }),
  /** How many cases the confirmation showed: another number means something changed meanwhile. */
  expected: z.coerce
    .number({ error: errorKey("retention.cutoffInvalid") })
    .int({ error: errorKey("retention.cutoffInvalid") })
    .min(1, { error: errorKey("retention.nothingToDo") }),
});
export type TAnonymiseSchema = z.infer<typeof ZAnonymiseSchema>;
