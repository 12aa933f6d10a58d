import { z } from "zod";
import { errorKey, type KeysUnder } from "../errors/keys";
import { todayInLima } from "../format/date";
import { isRealIsoDay, ZStudentSchema } from "./schema";

// A student created or edited by hand: the import's ZStudentSchema (same rules, same
// messages) plus the date each contact was last verified, which only people can attest.

const verifiedDate = (field: KeysUnder<"student.verifiedInvalid">) =>
  z
    .string()
    .nullish()
    .transform((s) => (s == null || s.trim() === "" ? null : s.trim()))
    .refine((s) => s === null || isRealIsoDay(s), errorKey(`student.verifiedInvalid.${field}`))
    .refine((s) => s === null || s <= todayInLima(), errorKey(`student.verifiedFuture.${field}`));

export const ZStudentRecordSchema = ZStudentSchema.safeExtend({
  addressVerifiedAt: verifiedDate("addressVerifiedAt"),
  phoneVerifiedAt: verifiedDate("phoneVerifiedAt"),
  guardianVerifiedAt: verifiedDate("guardianVerifiedAt"),
});
export type TStudentRecordInput = z.input<typeof ZStudentRecordSchema>;
export type TStudentRecord = z.output<typeof ZStudentRecordSchema>;

export const ZCreateStudentSchema = ZStudentRecordSchema.safeExtend({
  schoolId: z.guid(errorKey("school.required")),
});
export type TCreateStudentInput = z.input<typeof ZCreateStudentSchema>;

/** A student id from the page; malformed reads as "not found" (parseOrThrow notFoundFields). */
const ZStudentId = z.guid(errorKey("student.notFound"));

/**
 * An edit: the record plus which student and the instant the form was loaded with, which
 * turns a concurrent edit into CONFLICT instead of a silent overwrite.
 */
export const ZUpdateStudentSchema = ZStudentRecordSchema.safeExtend({
  id: ZStudentId,
  expectedUpdatedAt: z.string().optional(),
});
export type TUpdateStudentInput = z.input<typeof ZUpdateStudentSchema>;

export const STUDENT_STATUSES = ["ACTIVE", "WITHDRAWN", "TRANSFERRED"] as const;
export const ZStudentStatusSchema = z.enum(STUDENT_STATUSES, errorKey("student.statusInvalid"));

export const ZSetStudentStatusSchema = z.object({ id: ZStudentId, status: ZStudentStatusSchema });
export type TSetStudentStatusInput = z.input<typeof ZSetStudentStatusSchema>;

/** Contacts and the fields whose change makes their verification date today. */
export const CONTACT_GROUPS = [
  { verified: "addressVerifiedAt", fields: ["addressStreet", "addressReference", "addressDistrict"] },
  { verified: "phoneVerifiedAt", fields: ["phone"] },
  { verified: "guardianVerifiedAt", fields: ["guardianName", "guardianRelationship", "guardianPhone"] },
] as const;

export type ContactFreshness = "unverified" | "fresh" | "stale";

/** A contact verified more than 12 months before `today` (YYYY-MM-DD, Lima) is stale. */
export function contactFreshness(verifiedAt: Date | null, today: string): ContactFreshness {
  if (!verifiedAt) return "unverified";
  const limit = new Date(`${today}T00:00:00.000Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() - 1);
  return verifiedAt.getTime() < limit.getTime() ? "stale" : "fresh";
}
