import type { ConsentMethod, LegalBasis, ReferralStatus, ReferralUrgency } from "../generated/prisma/enums";

// The referral vocabularies in the order forms and filters show them.

export const REFERRAL_STATUSES = [
  "SENT",
  "ACCEPTED",
  "IN_PROGRESS",
  "CLOSED",
  "REJECTED",
] as const satisfies readonly ReferralStatus[];

/** A case closing over a referral in these states needs a confirmation (lib/referrals/open-referrals.ts). */
export const UNSETTLED_REFERRAL_STATUSES = ["SENT", "ACCEPTED"] as const satisfies readonly ReferralStatus[];

export const REFERRAL_URGENCIES = ["URGENT", "PRIORITY", "ROUTINE"] as const satisfies readonly ReferralUrgency[];

export const LEGAL_BASES = [
  "GUARDIAN_CONSENT",
  "ADOLESCENT_CONSENT",
  "CHILD_PROTECTION_DUTY",
] as const satisfies readonly LegalBasis[];

export const CONSENT_METHODS = [
  "IN_PERSON",
  "WRITTEN",
  "PHONE",
  "VIDEO_CALL",
  "OTHER",
] as const satisfies readonly ConsentMethod[];

/** Norms a school commonly cites for the duty to protect or report (suggestions; any text is accepted). */
export const PROTECTION_NORMS = [
  "Ley 30364 (prevenir, sancionar y erradicar la violencia contra las mujeres y los integrantes del grupo familiar)",
  "Código de los Niños y Adolescentes (Ley 27337)",
  "Ley 29719 (convivencia sin violencia en las instituciones educativas)",
  "D.S. 004-2018-MINEDU (lineamientos para la gestión de la convivencia escolar)",
] as const;

/** The adolescent's own consent counts from this age (at the date of consent). */
export const ADOLESCENT_CONSENT_AGE = 14;

/** Whole years between a birth date and a day (both calendar days, YYYY-MM-DD or DATE values). */
export function ageOn(birthDate: Date, day: Date): number {
  const b = birthDate.toISOString().slice(0, 10);
  const d = day.toISOString().slice(0, 10);
  const years = Number(d.slice(0, 4)) - Number(b.slice(0, 4));
  return d.slice(5) < b.slice(5) ? years - 1 : years;
}
