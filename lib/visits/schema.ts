import { z } from "zod";
import { isoFromDay, parseDayMonthYear } from "../format/date";
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, TIME_WINDOWS, VISIT_OUTCOMES } from "./labels";

// One schema per input of the visits domain. Forms post strings: empty strings mean "not
// given", days come as YYYY-MM-DD (date input) or dd/mm/aaaa; every message is Spanish and
// names the field.

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();

export const ZId = z.guid({ error: "Identificador no válido." });

/** YYYY-MM-DD or dd/mm/aaaa → YYYY-MM-DD, or null when it is not a real day. */
function toIsoDay(text: string): string | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return parseDayMonthYear(t);
  const d = new Date(`${t}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && isoFromDay(d) === t ? t : null;
}

const ZDay = (message: string) =>
  z.string({ error: message }).transform((s, ctx) => {
    const iso = toIsoDay(s);
    if (!iso) ctx.addIssue({ code: "custom", message });
    return iso ?? "";
  });

const optionalText = (label: string, max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform(collapse)
      .pipe(z.string().max(max, { error: `${label}: máximo ${max} caracteres.` }))
      .optional(),
  );

const optionalLongText = (label: string, max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, { error: `${label}: máximo ${max} caracteres.` })
      .optional(),
  );

/**
 * When something happened, for a record written after the fact: an ISO instant with offset,
 * or a `datetime-local` value (YYYY-MM-DDTHH:mm) read as Lima time. Absent: now.
 */
const ZInstant = z.preprocess(
  (v) => {
    const b = blankToUndefined(v);
    if (typeof b === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(b.trim())) return `${b.trim()}:00-05:00`;
    return b;
  },
  z.coerce.date({ error: "Fecha y hora no válidas." }).optional(),
);

export const ZScheduleVisitSchema = z.object({
  caseId: ZId,
  scheduledFor: ZDay("Indique la fecha de la visita (dd/mm/aaaa)."),
  timeWindow: z.enum(TIME_WINDOWS, { error: "Elija el turno de la visita: mañana o tarde." }),
  assigneeId: z.preprocess(blankToUndefined, z.guid({ error: "Elija quién hará la visita." })),
  purpose: z
    .string({ error: "Escriba el propósito de la visita." })
    .transform(collapse)
    .pipe(
      z
        .string()
        .min(1, { error: "Escriba el propósito de la visita." })
        .max(500, { error: "El propósito admite hasta 500 caracteres." }),
    ),
});
export type TScheduleVisitSchema = z.infer<typeof ZScheduleVisitSchema>;

export const ADDRESS_ACTIONS = ["NONE", "CONFIRMED", "CORRECTED"] as const;

/** Outcomes that say the family does not live at the address on file. */
const ADDRESS_WRONG = new Set(["ADDRESS_NOT_FOUND", "MOVED"]);

export const ZRecordVisitOutcomeSchema = z
  .object({
    visitId: ZId,
    outcome: z.enum(VISIT_OUTCOMES, { error: "Elija qué pasó en la visita." }),
    metWith: optionalText("Con quién se habló", 200),
    notes: optionalLongText("Las notas", 2000),
    visitedAt: ZInstant,
    addressAction: z.preprocess(
      blankToUndefined,
      z.enum(ADDRESS_ACTIONS, { error: "Indique si la dirección se confirmó o se corrigió." }).default("NONE"),
    ),
    newStreet: optionalText("La dirección", 200),
    newReference: optionalText("La referencia", 200),
    newDistrict: optionalText("El distrito", 100),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.outcome === "CONTACTED" && !v.metWith) issue("metWith", "Indique con quién se habló.");
    if (v.addressAction === "CONFIRMED" && ADDRESS_WRONG.has(v.outcome))
      issue("addressAction", "Si la dirección no se encontró o la familia se mudó, no se puede confirmar.");
    if (v.addressAction === "CORRECTED") {
      if (!v.newStreet) issue("newStreet", "Escriba la dirección correcta.");
      if (!v.newDistrict) issue("newDistrict", "Indique el distrito de la dirección correcta.");
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
  caseId: ZId,
  channel: z.enum(CONTACT_CHANNELS, { error: "Elija el medio de contacto." }),
  outcome: z.enum(CONTACT_OUTCOMES, { error: "Elija el resultado del intento." }),
  attemptedAt: ZInstant,
  notes: optionalLongText("Las notas", 2000),
});
export type TRecordContactAttemptSchema = z.infer<typeof ZRecordContactAttemptSchema>;

/** "Mis visitas" filters from the URL; anything unreadable is ignored. */
export const ZVisitListFilters = z.object({
  // "me" = my visits, "all" = every visit of my schools, or a case-team member's id.
  assignee: z
    .preprocess(blankToUndefined, z.union([z.literal("me"), z.literal("all"), z.guid()]).optional())
    .catch(undefined),
});
export type TVisitListFilters = z.infer<typeof ZVisitListFilters>;

/** Reachability report filters: one school of the caller's scope, or all of them. */
export const ZReachabilityFilters = z.object({
  school: z.preprocess(blankToUndefined, z.guid().optional()).catch(undefined),
});
export type TReachabilityFilters = z.infer<typeof ZReachabilityFilters>;
