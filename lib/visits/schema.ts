import { z } from "zod";
import { ZCaseId } from "../cases/schema";
import { errorKey, type ErrorKey } from "../errors/keys";
import { isoFromDay, parseDayMonthYear } from "../format/date";
import { optionalParam } from "../lists/params";
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, TIME_WINDOWS, VISIT_OUTCOMES } from "./labels";

// One schema per input of the visits domain. Forms post strings: empty strings mean "not
// given", days come as YYYY-MM-DD (date input) or dd/mm/aaaa; every message is Spanish and
// names the field.

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();

/** A visit id from the page; malformed reads as "not found" (parseOrThrow notFoundFields). */
export const ZVisitId = z.guid({ error: errorKey("visit.notFound") });

/** YYYY-MM-DD or dd/mm/aaaa → YYYY-MM-DD, or null when it is not a real day. */
function toIsoDay(text: string): string | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return parseDayMonthYear(t);
  const d = new Date(`${t}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && isoFromDay(d) === t ? t : null;
}

const ZDay = (message: ErrorKey) =>
  z.string({ error: message }).transform((s, ctx) => {
    const iso = toIsoDay(s);
    if (!iso) ctx.addIssue({ code: "custom", message });
    return iso ?? "";
  });

const optionalText = (max: number, tooLong: ErrorKey) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform(collapse)
      .pipe(z.string().max(max, { error: tooLong }))
      .optional(),
  );

const optionalLongText = (max: number, tooLong: ErrorKey) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, { error: tooLong }).optional());

/**
 * When something happened, for a record written after the fact: an ISO instant with offset,
 * or a `datetime-local` value (YYYY-MM-DDTHH:mm) read as Lima time. Absent: now.
 */
const ZInstant = (invalid: ErrorKey) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      if (typeof b === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(b.trim())) return `${b.trim()}:00-05:00`;
      return b;
    },
    z.coerce.date({ error: invalid }).optional(),
  );

export const ZScheduleVisitSchema = z.object({
  caseId: ZCaseId,
  scheduledFor: ZDay(errorKey("visit.dateRequired")),
  timeWindow: z.enum(TIME_WINDOWS, { error: errorKey("visit.windowRequired") }),
  assigneeId: z.preprocess(blankToUndefined, z.guid({ error: errorKey("visit.assigneeRequired") })),
  purpose: z
    .string({ error: errorKey("visit.purposeRequired") })
    .transform(collapse)
    .pipe(
      z
        .string()
        .min(1, { error: errorKey("visit.purposeRequired") })
        .max(500, { error: errorKey("visit.purposeTooLong") }),
    ),
});
export type TScheduleVisitSchema = z.infer<typeof ZScheduleVisitSchema>;

export const ADDRESS_ACTIONS = ["NONE", "CONFIRMED", "CORRECTED"] as const;

/** Outcomes that say the family does not live at the address on file. */
const ADDRESS_WRONG = new Set(["ADDRESS_NOT_FOUND", "MOVED"]);

export const ZRecordVisitOutcomeSchema = z
  .object({
    visitId: ZVisitId,
    outcome: z.enum(VISIT_OUTCOMES, { error: errorKey("visit.outcomeRequired") }),
    metWith: optionalText(200, errorKey("visit.metWithTooLong")),
    notes: optionalLongText(2000, errorKey("visit.notesTooLong")),
    visitedAt: ZInstant(errorKey("visit.visitedAtInvalid")),
    addressAction: z.preprocess(
      blankToUndefined,
      z.enum(ADDRESS_ACTIONS, { error: errorKey("visit.addressActionInvalid") }).default("NONE"),
    ),
    newStreet: optionalText(200, errorKey("visit.newStreetTooLong")),
    newReference: optionalText(200, errorKey("visit.newReferenceTooLong")),
    newDistrict: optionalText(100, errorKey("visit.newDistrictTooLong")),
    /**
     * Chosen by the phone once per outcome it sends: the same key again is the same outcome sent
     * twice (an answer lost on a bad connection), answered as recorded rather than as a conflict.
     */
    submissionKey: z.preprocess(blankToUndefined, z.guid({ error: errorKey("invalidInput") }).optional()),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: ErrorKey) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.outcome === "CONTACTED" && !v.metWith) issue("metWith", errorKey("visit.metWithRequired"));
    if (v.addressAction === "CONFIRMED" && ADDRESS_WRONG.has(v.outcome))
      issue("addressAction", errorKey("visit.cannotConfirm"));
    if (v.addressAction === "CORRECTED") {
      if (!v.newStreet) issue("newStreet", errorKey("visit.newStreetRequired"));
      if (!v.newDistrict) issue("newDistrict", errorKey("visit.newDistrictRequired"));
    }
  })
  .transform((v) => ({
    ...v,
    // Who was met belongs to a contact; the new address only to a correction.
    metWith: v.outcome === "CONTACTED" ? v.metWith! : null,
    newStreet: v.addressAction === "CORRECTED" ? v.newStreet! : null,
    newReference: v.addressAction === "CORRECTED" ? (v.newReference ?? null) : null,
    newDistrict: v.addressAction === "CORRECTED" ? v.newDistrict! : null,
    notes: v.notes ?? null,
  }));
export type TRecordVisitOutcomeSchema = z.infer<typeof ZRecordVisitOutcomeSchema>;

export const ZRecordContactAttemptSchema = z.object({
  caseId: ZCaseId,
  channel: z.enum(CONTACT_CHANNELS, { error: errorKey("visit.attempt.channelRequired") }),
  outcome: z.enum(CONTACT_OUTCOMES, { error: errorKey("visit.attempt.outcomeRequired") }),
  attemptedAt: ZInstant(errorKey("visit.attempt.attemptedAtInvalid")),
  notes: optionalLongText(2000, errorKey("visit.attempt.notesTooLong")),
});
export type TRecordContactAttemptSchema = z.infer<typeof ZRecordContactAttemptSchema>;

/** "Mis visitas" filters from the URL; anything unreadable is ignored. */
export const ZVisitListFilters = z.object({
  // "me" = my visits, "all" = every visit of my schools, or a case-team member's id.
  assignee: optionalParam(z.union([z.literal("me"), z.literal("all"), z.guid()])),
});
export type TVisitListFilters = z.infer<typeof ZVisitListFilters>;

/** Reachability report filters: one school of the caller's scope, or all of them. */
export const ZReachabilityFilters = z.object({
  school: optionalParam(z.guid()),
});
export type TReachabilityFilters = z.infer<typeof ZReachabilityFilters>;
