import { isoFromDay, parseDayMonthYear } from "../format/date";
import type { DocumentType, EducationLevel, Sex } from "../generated/prisma/enums";
import { cleanText, normalizeKey } from "./normalize";

// Cell text → typed value, with the Spanish reason when it cannot be read. These are the
// forgiving readers for what spreadsheets do to data; the strict rules live in the zod schemas.

export type Parsed<T> = { value: T; error?: undefined } | { value?: undefined; error: string };
const ok = <T>(value: T): Parsed<T> => ({ value });
const fail = <T>(error: string): Parsed<T> => ({ error });

const DOCUMENT_TYPES: Record<string, DocumentType> = {
  dni: "DNI",
  documentonacionaldeidentidad: "DNI",
  ce: "CE",
  carnedeextranjeria: "CE",
  carnetdeextranjeria: "CE",
  carneextranjeria: "CE",
  extranjeria: "CE",
  codigo: "CODIGO",
  codigosiagie: "CODIGO",
  codigodelestudiante: "CODIGO",
  codigoestudiante: "CODIGO",
  codigodeestudiante: "CODIGO",
  siagie: "CODIGO",
  sindocumento: "NONE",
  sindoc: "NONE",
  sd: "NONE",
  ninguno: "NONE",
  nodocumento: "NONE",
  nodoc: "NONE",
  none: "NONE",
};

/** Blank → null (the caller infers it); unknown text → error. */
export function parseDocumentType(text: string): Parsed<DocumentType | null> {
  const key = normalizeKey(text);
  if (!key) return ok(null);
  const type = DOCUMENT_TYPES[key];
  return type
    ? ok(type)
    : fail(`Tipo de documento «${cleanText(text)}» no reconocido: use DNI, CE, CODIGO o SIN DOCUMENTO.`);
}

/**
 * A document number as stored. Excel turns DNI 01234567 into the number 1234567 (or even
 * 1.234567E+06): numeric DNIs of 5–7 digits get their leading zeros back.
 */
export function parseDocumentNumber(type: DocumentType, text: string): Parsed<string> {
  let raw = text.trim().replace(/^'/, "").replace(/\s+/g, "").toUpperCase();
  if (/^\d+(\.\d+)?E\+?\d+$/.test(raw)) {
    const n = Number(raw);
    if (Number.isSafeInteger(n)) raw = String(n);
  }
  raw = raw.replace(/^(\d+)\.0+$/, "$1");
  if (type === "DNI") {
    const digits = raw.replace(/[.-]/g, "");
    if (!/^\d+$/.test(digits)) return fail(`El DNI «${text.trim()}» solo debe tener dígitos.`);
    if (digits.length >= 5 && digits.length < 8) return ok(digits.padStart(8, "0"));
    if (digits.length !== 8) return fail(`El DNI «${text.trim()}» debe tener 8 dígitos.`);
    return ok(digits);
  }
  const compact = raw.replace(/-/g, "");
  if (!/^[A-Z0-9]{5,20}$/.test(compact)) {
    const what = type === "CE" ? "El carné de extranjería" : "El código del estudiante";
    return fail(`${what} «${text.trim()}» debe tener entre 5 y 20 letras o dígitos.`);
  }
  return ok(compact);
}

const SEXES: Record<string, Sex> = {
  m: "M",
  masculino: "M",
  hombre: "M",
  varon: "M",
  h: "M",
  v: "M",
  f: "F",
  femenino: "F",
  mujer: "F",
};

export function parseSex(text: string): Parsed<Sex> {
  const sex = SEXES[normalizeKey(text)];
  return sex ? ok(sex) : fail(`Sexo «${cleanText(text)}» no reconocido: use M o F (hombre o mujer).`);
}

const GRADE_WORDS: Record<string, number> = {
  primero: 1,
  primer: 1,
  segundo: 2,
  tercero: 3,
  tercer: 3,
  cuarto: 4,
  quinto: 5,
  sexto: 6,
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
};

/** "1", "1°", "1º", "1ro", "1er", "2do", "5to", "primero", "Quinto grado", "3° sec." → 1…6. */
export function parseGrade(text: string): Parsed<number> {
  const key = normalizeKey(text).replace(/(grado|secundaria|primaria|sec|prim|de)+$/, "");
  const digits = /^([1-6])(o|a|ro|er|do|to|vo|mo)?$/.exec(key);
  const grade = digits ? Number(digits[1]) : GRADE_WORDS[key];
  return grade ? ok(grade) : fail(`Grado «${cleanText(text)}» no reconocido: use 1 a 5 (1°, 1ro, primero…).`);
}

export function parseSection(text: string): Parsed<string> {
  const section = cleanText(text)
    .replace(/^secci[oó]n\s+/i, "")
    .toUpperCase();
  if (!section) return fail("Falta la sección.");
  if (section.length > 10) return fail(`La sección «${section}» tiene más de 10 caracteres.`);
  return ok(section);
}

const LEVELS: Record<string, EducationLevel> = {
  secundaria: "SECONDARY",
  s: "SECONDARY",
  sec: "SECONDARY",
  primaria: "PRIMARY",
  p: "PRIMARY",
  prim: "PRIMARY",
};

export function parseLevel(text: string): Parsed<EducationLevel | null> {
  const key = normalizeKey(text);
  if (!key) return ok(null);
  const level = LEVELS[key];
  return level ? ok(level) : fail(`Nivel «${cleanText(text)}» no reconocido: use primaria o secundaria.`);
}

// Excel's 1900 date system: serial 25569 is 1970-01-01. Serials show up when a date column
// was formatted as a number before saving as CSV.
const EXCEL_EPOCH_SERIAL = 25569;

/** dd/mm/yyyy (also d/m/yyyy, '-' or '.'), yyyy-mm-dd, or an Excel serial → YYYY-MM-DD. */
export function parseDate(text: string): Parsed<string> {
  const t = text.trim();
  const dmy = parseDayMonthYear(t);
  if (dmy) return ok(dmy);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  if (iso) {
    const candidate = `${iso[1]}-${iso[2]}-${iso[3]}`;
    const d = new Date(`${candidate}T00:00:00.000Z`);
    if (!Number.isNaN(d.getTime()) && isoFromDay(d) === candidate) return ok(candidate);
  }
  if (/^\d{5}$/.test(t)) {
    const serial = Number(t);
    if (serial > 10000 && serial < 80000) return ok(isoFromDay(new Date((serial - EXCEL_EPOCH_SERIAL) * 86_400_000)));
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(t)) return fail(`Fecha «${t}» con año de 2 dígitos: use dd/mm/aaaa.`);
  return fail(`Fecha «${t}» no válida: use dd/mm/aaaa.`);
}

/** Trimmed text, or null when blank. */
export function optionalText(text: string | undefined): string | null {
  if (text === undefined) return null;
  const t = cleanText(text);
  return t === "" ? null : t;
}
