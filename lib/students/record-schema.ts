import { z } from "zod";
import { todayInLima } from "../format/date";
import { ZStudentSchema } from "./schema";

// A student created or edited by hand: the import's ZStudentSchema (same rules, same Spanish
// messages) plus the date each contact was last verified, which only people can attest.

const verifiedDate = (what: string) =>
  z
    .string()
    .nullish()
    .transform((s) => (s == null || s.trim() === "" ? null : s.trim()))
    .refine((s) => s === null || isRealIsoDay(s), `Fecha de verificación ${what} no válida.`)
    .refine((s) => s === null || s <= todayInLima(), `La fecha de verificación ${what} no puede ser futura.`);

export const ZStudentRecordSchema = ZStudentSchema.safeExtend({
  addressVerifiedAt: verifiedDate("de la dirección"),
  phoneVerifiedAt: verifiedDate("del teléfono"),
  guardianVerifiedAt: verifiedDate("del apoderado"),
});
export type TStudentRecordInput = z.input<typeof ZStudentRecordSchema>;
export type TStudentRecord = z.output<typeof ZStudentRecordSchema>;

export const ZCreateStudentSchema = ZStudentRecordSchema.safeExtend({ schoolId: z.guid("Elija el colegio.") });
export type TCreateStudentInput = z.input<typeof ZCreateStudentSchema>;

export const STUDENT_STATUSES = ["ACTIVE", "WITHDRAWN", "TRANSFERRED"] as const;
export const ZStudentStatusSchema = z.enum(STUDENT_STATUSES, "Estado no válido.");

/** Contacts and the fields whose change makes their verification date today. */
export const CONTACT_GROUPS = [
  { verified: "addressVerifiedAt", fields: ["addressStreet", "addressReference", "addressDistrict"] },
  { verified: "phoneVerifiedAt", fields: ["phone"] },
  { verified: "guardianVerifiedAt", fields: ["guardianName", "guardianRelationship", "guardianPhone"] },
] as const;

function isRealIsoDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

export type ContactFreshness = "unverified" | "fresh" | "stale";

/** A contact verified more than 12 months before `today` (YYYY-MM-DD, Lima) is stale. */
export function contactFreshness(verifiedAt: Date | null, today: string): ContactFreshness {
  if (!verifiedAt) return "unverified";
  const limit = new Date(`${today}T00:00:00.000Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() - 1);
  return verifiedAt.getTime() < limit.getTime() ? "stale" : "fresh";
}
