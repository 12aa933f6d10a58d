import { AppError, fieldIssue } from "../errors/app-error";
import type { ConsentMethod, LegalBasis } from "../generated/prisma/enums";
import { formatDay } from "../format/date";
import { ADOLESCENT_CONSENT_AGE, ageOn } from "./labels";
import type { TCreateReferral } from "./schema";

// The legal basis of a referral as columns: only the details of the chosen basis are kept, so a
// referral never carries a guardian's name it does not rest on. The schema already required
// the details; this adds the checks that need the student or the date (the database repeats
// them: CHECKs and the trigger of migration 20261130110000).

export type LegalBasisColumns = {
  legalBasis: LegalBasis;
  consentGivenBy: string | null;
  consentRelationship: string | null;
  consentDate: Date | null;
  consentMethod: ConsentMethod | null;
  legalNorm: string | null;
  legalBasisNote: string | null;
};

const refuse = (field: string, key: Parameters<typeof fieldIssue>[1], values?: Parameters<typeof fieldIssue>[2]) =>
  new AppError("INVALID_INPUT", key, values, [fieldIssue(field, key, values)]);

/** `today` is the Lima calendar day (YYYY-MM-DD) the referral is made. */
export function legalBasisColumns(
  input: TCreateReferral,
  student: { birthDate: Date | null },
  today: string,
): LegalBasisColumns {
  const basis = input.legalBasis;
  const consent = basis === "GUARDIAN_CONSENT" || basis === "ADOLESCENT_CONSENT";
  const consentDate = consent && input.consentDate ? new Date(`${input.consentDate}T00:00:00.000Z`) : null;
  if (consent && input.consentDate! > today) throw refuse("consentDate", "referral.consentDateFuture");
  if (basis === "ADOLESCENT_CONSENT") {
    if (!student.birthDate) throw refuse("legalBasis", "referral.adolescentNoBirthDate");
    const age = ageOn(student.birthDate, consentDate!);
    if (age < ADOLESCENT_CONSENT_AGE)
      throw refuse("legalBasis", "referral.adolescentUnder14", { age, date: formatDay(consentDate) });
  }
  return {
    legalBasis: basis,
    consentGivenBy: basis === "GUARDIAN_CONSENT" ? input.consentGivenBy! : null,
    consentRelationship: basis === "GUARDIAN_CONSENT" ? input.consentRelationship! : null,
    consentDate,
    consentMethod: consent ? input.consentMethod! : null,
    legalNorm: basis === "CHILD_PROTECTION_DUTY" ? input.legalNorm! : null,
    legalBasisNote: input.legalBasisNote ?? null,
  };
}

/** Whether a student may consent on their own today (the form offers the choice only then). */
export function mayConsentAlone(birthDate: Date | null, today: string): boolean {
  return Boolean(birthDate) && ageOn(birthDate!, new Date(`${today}T00:00:00.000Z`)) >= ADOLESCENT_CONSENT_AGE;
}
