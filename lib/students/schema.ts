import { z } from "zod";
import { todayInLima } from "../format/date";

// A student record as stored: the one schema for the roster import (after the cell readers in
// lib/imports/values.ts have turned spreadsheet text into these shapes) and for a student
// created or edited by hand. Messages are Spanish and name the field.

export const DOCUMENT_TYPES = ["DNI", "CE", "CODIGO", "NONE"] as const;
export const SEXES = ["F", "M"] as const;
export const EDUCATION_LEVELS = ["PRIMARY", "SECONDARY"] as const;

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();

const requiredText = (label: string, max: number) =>
  z
    .string(`Falta ${label}.`)
    .transform(collapse)
    .pipe(
      z
        .string()
        .min(1, `Falta ${label}.`)
        .max(max, `${capitalize(label)}: máximo ${max} caracteres.`),
    );

const optionalText = (label: string, max: number) =>
  z
    .string()
    .nullish()
    .transform((s) => (s == null ? null : collapse(s) || null))
    .refine((s) => s === null || s.length <= max, `${capitalize(label)}: máximo ${max} caracteres.`);

const optionalPhone = (label: string) =>
  optionalText(label, 30).refine(
    (s) => s === null || /^[0-9+()\s./-]{6,30}$/.test(s),
    `${capitalize(label)}: use solo dígitos, espacios, +, ( ) o guiones.`,
  );

/** YYYY-MM-DD, empty → null; a birth date can be neither in the future nor before 1950. */
const optionalBirthDate = z
  .string()
  .nullish()
  .transform((s) => (s == null || s.trim() === "" ? null : s.trim()))
  .refine((s) => s === null || isRealIsoDay(s), "Fecha de nacimiento no válida (dd/mm/aaaa).")
  .refine(
    (s) => s === null || (s >= "1950-01-01" && s <= todayInLima()),
    "La fecha de nacimiento no puede ser futura ni anterior a 1950.",
  );

export const ZStudentSchema = z
  .object({
    documentType: z.enum(DOCUMENT_TYPES, "Elija el tipo de documento: DNI, CE, código SIAGIE o sin documento."),
    documentNumber: z
      .string()
      .nullish()
      .transform((s) => (s == null ? null : s.replace(/\s+/g, "").toUpperCase() || null)),
    paternalSurname: requiredText("el apellido paterno", 100),
    maternalSurname: z
      .string()
      .nullish()
      .transform((s) => (s == null ? "" : collapse(s)))
      .pipe(z.string().max(100, "Apellido materno: máximo 100 caracteres.")),
    givenNames: requiredText("los nombres", 150),
    sex: z.enum(SEXES, "Indique el sexo: M o F."),
    birthDate: optionalBirthDate,
    level: z.enum(EDUCATION_LEVELS, "Nivel no válido.").default("SECONDARY"),
    grade: z.coerce
      .number("Grado no válido.")
      .int("Grado no válido.")
      .min(1, "El grado va de 1 a 5.")
      .max(6, "El grado va de 1 a 5 (6 solo en primaria)."),
    section: z
      .string("Falta la sección.")
      .transform((s) => collapse(s).toUpperCase())
      .pipe(z.string().min(1, "Falta la sección.").max(10, "Sección: máximo 10 caracteres.")),
    addressStreet: optionalText("la dirección", 200),
    addressReference: optionalText("la referencia", 200),
    addressDistrict: optionalText("el distrito", 100),
    phone: optionalPhone("el teléfono"),
    guardianName: optionalText("el apoderado", 150),
    guardianRelationship: optionalText("el parentesco", 50),
    guardianPhone: optionalPhone("el teléfono del apoderado"),
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (s.documentType === "NONE") {
      if (s.documentNumber) issue("documentNumber", "Un estudiante sin documento no lleva número de documento.");
      // Without a document, names + birth date are the only way to recognise the student later.
      if (!s.birthDate) issue("birthDate", "Un estudiante sin documento necesita fecha de nacimiento.");
    } else if (!s.documentNumber) {
      issue("documentNumber", "Falta el número de documento.");
    } else if (s.documentType === "DNI" && !/^\d{8}$/.test(s.documentNumber)) {
      issue("documentNumber", "El DNI debe tener 8 dígitos.");
    } else if (s.documentType !== "DNI" && !/^[A-Z0-9]{5,20}$/.test(s.documentNumber)) {
      issue("documentNumber", "El número de documento debe tener entre 5 y 20 letras o dígitos.");
    }
    if (s.level === "SECONDARY" && s.grade > 5) issue("grade", "En secundaria el grado va de 1 a 5.");
  });

export type TStudentInput = z.input<typeof ZStudentSchema>;
export type TStudent = z.output<typeof ZStudentSchema>;
export type StudentField = keyof TStudent;

function isRealIsoDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function capitalize(s: string): string {
  const words = s.replace(/^(el|la|los|las) /, "");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
