import { z } from "zod";
import { enumParam, intParam, optionalParam, textParam } from "../lists/params";

// Filters of /reports and its CSV exports, from the URL. Like every list filter, a value that
// cannot be read is dropped (the report then covers more, never another school: scope.ts
// intersects everything with the caller's own schools).

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (s) =>
      !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  );

export const SEXES = ["F", "M"] as const;

export const ZReportFilters = z.object({
  /** Territory: a region of the caller's schools. */
  region: textParam(80),
  district: textParam(80),
  school: optionalParam(z.guid()),
  /** First and last day of the period (Lima calendar days, both included). */
  from: optionalParam(isoDay),
  to: optionalParam(isoDay),
  grade: intParam(1, 6),
  sex: enumParam(SEXES),
});
export type TReportFilters = z.output<typeof ZReportFilters>;

/** The filters as URL parameters (for links, the CSV exports and the form's values). */
export function reportQuery(filters: TReportFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== "") params.set(k, String(v));
  const q = params.toString();
  return q ? `?${q}` : "";
}
