import { z } from "zod";
import { errorKey } from "../errors/keys";
import { enumParam, optionalParam, pageParam } from "../lists/params";
import { ZCaseId } from "../cases/schema";
import { CONSENT_METHODS, LEGAL_BASES, REFERRAL_STATUSES, REFERRAL_URGENCIES } from "./labels";

// One schema per input. Forms post strings (or arrays for the section checkboxes); blanks are
// "not given"; every message is a key of the `errors` catalogue that names the field.

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const toList = (v: unknown) => (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? v : [v]);

/** Optional free text up to `max` characters, trimmed. */
const optionalText = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(max, { error: errorKey("referral.textTooLong") })
      .optional(),
  );

type Key = Parameters<typeof errorKey>[0];

const requiredText = (max: number, required: Key, tooLong: Key = "referral.textTooLong") =>
  z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: tooLong });

/** A calendar day as the form's date input sends it (YYYY-MM-DD). */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isIsoDay = (v: string) =>
  ISO_DAY.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

export const ZReferralId = z.guid({ error: errorKey("referral.notFound") });

export const ZCreateReferralSchema = z
  .object({
    caseId: ZCaseId,
    agencyId: z.preprocess(blankToUndefined, z.guid({ error: errorKey("referral.agencyRequired") })),
    reason: requiredText(2000, errorKey("referral.reasonRequired"), errorKey("referral.reasonTooLong")),
    urgency: z.preprocess(
      blankToUndefined,
      z.enum(REFERRAL_URGENCIES, { error: errorKey("referral.urgencyRequired") }),
    ),
    legalBasis: z.preprocess(blankToUndefined, z.enum(LEGAL_BASES, { error: errorKey("referral.legalBasisRequired") })),
    consentGivenBy: optionalText(200),
    consentRelationship: optionalText(100),
    consentDate: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine(isIsoDay, { error: errorKey("referral.consentDateInvalid") })
        .optional(),
    ),
    consentMethod: z.preprocess(
      blankToUndefined,
      z.enum(CONSENT_METHODS, { error: errorKey("referral.consentMethodRequired") }).optional(),
    ),
    legalNorm: optionalText(300),
    legalBasisNote: optionalText(2000),
    // Checkboxes: one value, several, or none. Anything may arrive; the server keeps what the
    // agency and the sender allow (lib/referrals/packet.ts).
    sharedSections: z.preprocess(toList, z.array(z.string())),
  })
  .superRefine((v, ctx) => {
    const need = (ok: unknown, path: string, key: Key) => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message: key });
    };
    if (v.legalBasis === "GUARDIAN_CONSENT") {
      need(v.consentGivenBy, "consentGivenBy", "referral.consentGivenByRequired");
      need(v.consentRelationship, "consentRelationship", "referral.consentRelationshipRequired");
    }
    if (v.legalBasis === "GUARDIAN_CONSENT" || v.legalBasis === "ADOLESCENT_CONSENT") {
      need(v.consentDate, "consentDate", "referral.consentDateRequired");
      need(v.consentMethod, "consentMethod", "referral.consentMethodRequired");
    }
    if (v.legalBasis === "CHILD_PROTECTION_DUTY") need(v.legalNorm, "legalNorm", "referral.legalNormRequired");
  });
export type TCreateReferralSchema = z.input<typeof ZCreateReferralSchema>;
export type TCreateReferral = z.output<typeof ZCreateReferralSchema>;

const ZVersion = z.coerce
  .number({ error: errorKey("referral.versionMissing") })
  .int({ error: errorKey("referral.versionInvalid") })
  .positive({ error: errorKey("referral.versionInvalid") });

/** The referral and the version its page showed: every answer of the agency carries both. */
export const ZReferralRef = z.object({ referralId: ZReferralId, version: ZVersion });
export type TReferralRef = z.infer<typeof ZReferralRef>;

export const ZAcceptReferralSchema = ZReferralRef;
export const ZStartReferralSchema = ZReferralRef;

export const ZRejectReferralSchema = ZReferralRef.extend({
  rejectionReason: requiredText(2000, errorKey("referral.rejectionReasonRequired")),
});
export type TRejectReferralSchema = z.infer<typeof ZRejectReferralSchema>;

export const ZCloseReferralSchema = ZReferralRef.extend({
  counterReferral: requiredText(5000, errorKey("referral.counterReferralRequired")),
  nextSteps: requiredText(2000, errorKey("referral.nextStepsRequired")),
  // A radio pair ("yes" / "no"): no choice is a missing answer, not a "no".
  returnsToSchool: z.preprocess(
    (v) => (v === true || v === "yes" || v === "true" ? true : v === false || v === "no" || v === "false" ? false : v),
    z.boolean({ error: errorKey("referral.returnsToSchoolRequired") }),
  ),
});
export type TCloseReferralSchema = z.input<typeof ZCloseReferralSchema>;

export const REFERRAL_PAGE_SIZE = 25;

/** The URL's values for /referrals: `status` keeps every repeat, the rest their first value. */
export function parseReferralListParams(
  searchParams: Record<string, string | string[] | undefined>,
): TReferralListFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return ZReferralListFilters.parse({
    status: searchParams.status,
    urgency: first(searchParams.urgency),
    overdue: first(searchParams.overdue),
    page: first(searchParams.page),
  });
}

/** /referrals filters from the URL (the contract shared with the reports and deadlines). */
export const ZReferralListFilters = z.object({
  // May repeat (?status=SENT&status=ACCEPTED) or list values (?status=SENT,ACCEPTED, as the pager writes).
  status: z
    .preprocess((v) => toList(v).flatMap((s) => String(s).split(",")), z.array(z.string()))
    .transform((list) => REFERRAL_STATUSES.filter((s) => list.includes(s)))
    .catch([]),
  urgency: enumParam(REFERRAL_URGENCIES),
  overdue: optionalParam(z.literal("1")),
  page: pageParam,
});
export type TReferralListFilters = z.output<typeof ZReferralListFilters>;
