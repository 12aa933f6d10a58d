import { z } from "zod";
import { enumParam, intParam, optionalParam, pageParam } from "../lists/params";
import { CASE_OUTCOMES, CASE_STATES } from "./transitions";

// One schema per input. Forms post strings, so empty strings become "not given" and numbers
// are coerced; every message is Spanish and names the field.

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ZId = z.guid({ error: "Identificador no válido." });

const ZVersion = z.coerce
  .number({ error: "Falta la versión del caso; recargue la página." })
  .int({ error: "Versión del caso no válida; recargue la página." })
  .positive({ error: "Versión del caso no válida; recargue la página." });

const ZCaseRef = z.object({ caseId: ZId, version: ZVersion });

export const ZChangeCaseStateSchema = ZCaseRef.extend({
  to: z.enum(CASE_STATES, { error: "Elija el nuevo estado del caso." }),
  outcome: z.preprocess(blankToUndefined, z.enum(CASE_OUTCOMES, { error: "Resultado no válido." }).optional()),
  outcomeNote: z.preprocess(
    blankToUndefined,
    z.string().trim().max(2000, { error: "La nota del resultado admite hasta 2000 caracteres." }).optional(),
  ),
  reason: z.preprocess(
    blankToUndefined,
    z.string().trim().max(2000, { error: "El motivo admite hasta 2000 caracteres." }).optional(),
  ),
});
export type TChangeCaseStateSchema = z.infer<typeof ZChangeCaseStateSchema>;

export const ZAssignCaseMemberSchema = ZCaseRef.extend({
  userId: z.preprocess(blankToUndefined, z.guid({ error: "Elija a la persona que desea asignar." })),
});
export type TAssignCaseMemberSchema = z.infer<typeof ZAssignCaseMemberSchema>;

export const ZUnassignCaseMemberSchema = ZAssignCaseMemberSchema;
export type TUnassignCaseMemberSchema = TAssignCaseMemberSchema;

export const ZAddCaseNoteSchema = ZCaseRef.extend({
  body: z
    .string({ error: "Escriba la nota." })
    .trim()
    .min(1, { error: "Escriba la nota." })
    .max(5000, { error: "La nota admite hasta 5000 caracteres." }),
});
export type TAddCaseNoteSchema = z.infer<typeof ZAddCaseNoteSchema>;

export const CASE_PAGE_SIZE = 25;

/** Case list filters from the URL; anything unreadable is simply ignored. */
export const ZCaseListFilters = z.object({
  state: enumParam(CASE_STATES),
  // "me" = "Mis casos"; otherwise a user id.
  assignee: optionalParam(z.union([z.literal("me"), z.guid()])),
  grade: intParam(1, 6),
  sex: enumParam(["F", "M"]),
  page: pageParam,
});
export type TCaseListFilters = z.output<typeof ZCaseListFilters>;

export const TIMELINE_DEFAULT_LIMIT = 50;
export const TIMELINE_MAX_LIMIT = 500;
