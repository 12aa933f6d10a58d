import { z } from "zod";
import { errorKey } from "../errors/keys";
import { CASE_OUTCOMES, CASE_STATES } from "./transitions";

// One schema per input. Forms post strings, so empty strings become "not given" and numbers
// are coerced; every message is a key of the `errors` catalogue and names the field.

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

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
export const ZCaseListFilters = z.object({
  state: z.preprocess(blankToUndefined, z.enum(CASE_STATES).optional()).catch(undefined),
  // "me" = "Mis casos"; otherwise a user id.
  assignee: z.preprocess(blankToUndefined, z.union([z.literal("me"), z.guid()]).optional()).catch(undefined),
  grade: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(6).optional()).catch(undefined),
  sex: z.preprocess(blankToUndefined, z.enum(["F", "M"]).optional()).catch(undefined),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1),
});
export type TCaseListFilters = z.infer<typeof ZCaseListFilters>;

export const TIMELINE_DEFAULT_LIMIT = 50;
export const TIMELINE_MAX_LIMIT = 500;
