import { z } from "zod";
import { errorKey, type ErrorKey, type KeysUnder } from "../errors/keys";
import { todayInLima } from "../format/date";

// A student record as stored: the one schema for the roster import (after the cell readers in
// lib/imports/values.ts have turned spreadsheet text into these shapes) and for a student
// created or edited by hand. Messages are keys of the `errors` catalogue and name the field;
// the import renders them in Spanish, like the files it reads.

export const DOCUMENT_TYPES = ["DNI", "CE", "CODIGO", "NONE"] as const;
export const SEXES = ["F", "M"] as const;
export const EDUCATION_LEVELS = ["PRIMARY", "SECONDARY"] as const;

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();

type Required = "paternalSurname" | "givenNames";
type Limited = KeysUnder<"student.tooLong">;
type Phone = KeysUnder<"student.phoneFormat">;

const requiredText = (field: Required, max: number) =>
  z
    .string(errorKey(`student.required.${field}`))
    .transform(collapse)
    .pipe(
      z
        .string()
        .min(1, errorKey(`student.required.${field}`))
        .max(max, errorKey(`student.tooLong.${field}`)),
    );

const optionalText = (field: Limited, max: number) =>
  z
    .string()
    .nullish()
    .transform((s) => (s == null ? null : collapse(s) || null))
    .refine((s) => s === null || s.length <= max, errorKey(`student.tooLong.${field}`));

const optionalPhone = (field: Phone) =>
  optionalText(field, 30).refine(
    (s) => s === null || /^[0-9+()\s./-]{6,30}$/.test(s),
    errorKey(`student.phoneFormat.${field}`),
  );

/** YYYY-MM-DD, empty → null; a birth date can be neither in the future nor before 1950. */
const optionalBirthDate = z
  .string()
  .nullish()
  .transform((s) => (s == null || s.trim() === "" ? null : s.trim()))
  .refine((s) => s === null || isRealIsoDay(s), errorKey("student.birthDateInvalid"))
  .refine((s) => s === null || (s >= "1950-01-01" && s <= todayInLima()), errorKey("student.birthDateRange"));

export const ZStudentSchema = z
  .object({
    documentType: z.enum(DOCUMENT_TYPES, errorKey("student.documentType")),
    documentNumber: z
      .string()
      .nullish()
      .transform((s) => (s == null ? null : s.replace(/\s+/g, "").toUpperCase() || null)),
    paternalSurname: requiredText("paternalSurname", 100),
    maternalSurname: z
      .string()
      .nullish()
      .transform((s) => (s == null ? "" : collapse(s)))
      .pipe(z.string().max(100, errorKey("student.tooLong.maternalSurname"))),
    givenNames: requiredText("givenNames", 150),
    sex: z.enum(SEXES, errorKey("student.sex")),
    birthDate: optionalBirthDate,
    level: z.enum(EDUCATION_LEVELS, errorKey("student.level")).default("SECONDARY"),
    grade: z.coerce
      .number(errorKey("student.gradeInvalid"))
      .int(errorKey("student.gradeInvalid"))
      .min(1, errorKey("student.gradeMin"))
      .max(6, errorKey("student.gradeMax")),
    section: z
      .string(errorKey("student.required.section"))
      .transform((s) => collapse(s).toUpperCase())
      .pipe(z.string().min(1, errorKey("student.required.section")).max(10, errorKey("student.tooLong.section"))),
    addressStreet: optionalText("addressStreet", 200),
    addressReference: optionalText("addressReference", 200),
    addressDistrict: optionalText("addressDistrict", 100),
    phone: optionalPhone("phone"),
    guardianName: optionalText("guardianName", 150),
    guardianRelationship: optionalText("guardianRelationship", 50),
    guardianPhone: optionalPhone("guardianPhone"),
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, key: ErrorKey) => ctx.addIssue({ code: "custom", path: [path], message: key });
    if (s.documentType === "NONE") {
      if (s.documentNumber) issue("documentNumber", "student.documentNumberNotAllowed");
      // Without a document, names + birth date are the only way to recognise the student later.
      if (!s.birthDate) issue("birthDate", "student.birthDateRequired");
    } else if (!s.documentNumber) {
      issue("documentNumber", "student.documentNumberRequired");
    } else if (s.documentType === "DNI" && !/^\d{8}$/.test(s.documentNumber)) {
      issue("documentNumber", "student.dniDigits");
    } else if (s.documentType !== "DNI" && !/^[A-Z0-9]{5,20}$/.test(s.documentNumber)) {
      issue("documentNumber", "student.documentNumberFormat");
    }
    if (s.level === "SECONDARY" && s.grade > 5) issue("grade", "student.gradeSecondary");
  });

export type TStudentInput = z.input<typeof ZStudentSchema>;
export type TStudent = z.output<typeof ZStudentSchema>;
export type StudentField = keyof TStudent;

export function isRealIsoDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
