import { z } from "zod";
import { enumParam, intParam, optionalParam, pageParam } from "../lists/params";
import { errorKey } from "../errors/keys";
import { CASE_OUTCOMES, CASE_STATES } from "./transitions";

// One schema per input. Forms post strings, so empty strings become "not given" and numbers
// are coerced; every message is a key of the `errors` catalogue and names the field.

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** A case id from the page; malformed reads as "not found" (parseOrThrow notFoundFields). */
export const ZCaseId = z.guid({ error: errorKey("case.notFound") });

const ZVersion = z.coerce
  .number({ error: errorKey("case.versionMissing") })
  .int({ error: errorKey("case.versionInvalid") })
  .positive({ error: errorKey("case.versionInvalid") });

const ZCaseRef = z.object({ caseId: ZCaseId, version: ZVersion });

export const ZChangeCaseStateSchema = ZCaseRef.extend({
  to: z.enum(CASE_STATES, { error: errorKey("case.stateRequired") }),
  outcome: z.preprocess(blankToUndefined, z.enum(CASE_OUTCOMES, { error: errorKey("case.outcomeInvalid") }).optional()),
  outcomeNote: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(2000, { error: errorKey("case.outcomeNoteTooLong") })
      .optional(),
  ),
  reason: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(2000, { error: errorKey("case.reasonTooLong") })
      .optional(),
  ),
  // Closing while a referral the case sent is unanswered or accepted (lib/referrals/open-referrals.ts).
  confirmOpenReferrals: checkbox.default(false),
});
export type TChangeCaseStateSchema = z.infer<typeof ZChangeCaseStateSchema>;

export const ZAssignCaseMemberSchema = ZCaseRef.extend({
  userId: z.preprocess(blankToUndefined, z.guid({ error: errorKey("case.assigneeRequired") })),
});
export type TAssignCaseMemberSchema = z.infer<typeof ZAssignCaseMemberSchema>;

export const ZUnassignCaseMemberSchema = ZAssignCaseMemberSchema;
export type TUnassignCaseMemberSchema = TAssignCaseMemberSchema;

export const ZAddCaseNoteSchema = ZCaseRef.extend({
  body: z
    .string({ error: errorKey("case.noteRequired") })
    .trim()
    .min(1, { error: errorKey("case.noteRequired") })
    .max(5000, { error: errorKey("case.noteTooLong") }),
});
export type TAddCaseNoteSchema = z.infer<typeof ZAddCaseNoteSchema>;

export const CASE_PAGE_SIZE = 25;

/** Case list filters from the URL; anything unreadable is simply ignored. */
/** Every state but CLOSED: what the home page counts as "Casos abiertos". */
export const NOT_CLOSED = "NOT_CLOSED";

export const ZCaseListFilters = z.object({
  state: enumParam([...CASE_STATES, NOT_CLOSED]),
  // "me" = "Mis casos"; otherwise a user id.
  assignee: optionalParam(z.union([z.literal("me"), z.guid()])),
  grade: intParam(1, 6),
  sex: enumParam(["F", "M"]),
  page: pageParam,
});
export type TCaseListFilters = z.output<typeof ZCaseListFilters>;

// The newest 20 entries, then "Ver más" (twice as many each time): on a phone the case file is read
// top to bottom, and every entry costs the page its rendering (decision 017, sixth round).
export const TIMELINE_DEFAULT_LIMIT = 20;
export const TIMELINE_MAX_LIMIT = 500;
