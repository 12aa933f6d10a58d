import { renderText } from "../errors/render";
import { ZStudentSchema, type StudentField, type TStudent } from "../students/schema";
import { aliasIndex, countKnownHeaders, mapColumns, type ColumnSpec } from "./columns";
import { IssueList } from "./issues";
import { nameKey } from "./normalize";
import { readTable, type TableInfo } from "./table";
import type { ImportFile, OnImportProgress } from "./types";
import {
  parseDate,
  parseDocumentNumber,
  parseDocumentType,
  parseGrade,
  parseLevel,
  parseSex,
  type Parsed,
} from "./values";

// Roster file → validated student records, with every problem as {row, column, message}.
// Nothing here touches the database; lib/students/import-roster.ts writes the result.

export type RosterField = StudentField;

export const ROSTER_COLUMNS: readonly ColumnSpec<RosterField>[] = [
  { field: "documentType", label: "tipo de documento", aliases: ["tipo documento", "tipo doc", "tipo"] },
  {
    field: "documentNumber",
    label: "número de documento",
    aliases: [
      "numero documento",
      "nro de documento",
      "nro documento",
      "nro doc",
      "n de documento",
      "num doc",
      "documento",
      "dni",
      "n documento",
    ],
  },
  {
    field: "paternalSurname",
    label: "apellido paterno",
    aliases: ["ap paterno", "paterno", "primer apellido"],
    required: true,
  },
  { field: "maternalSurname", label: "apellido materno", aliases: ["ap materno", "materno", "segundo apellido"] },
  { field: "givenNames", label: "nombres", aliases: ["nombre", "prenombres"], required: true },
  { field: "sex", label: "sexo", aliases: ["genero"], required: true },
  {
    field: "birthDate",
    label: "fecha de nacimiento",
    aliases: ["fecha nacimiento", "fec nac", "f nacimiento", "nacimiento"],
  },
  { field: "level", label: "nivel", aliases: ["nivel educativo"] },
  { field: "grade", label: "grado", aliases: [], required: true },
  { field: "section", label: "sección", aliases: [], required: true },
  { field: "addressStreet", label: "dirección", aliases: ["domicilio"] },
  { field: "addressReference", label: "referencia", aliases: ["referencia de direccion", "referencia domicilio"] },
  { field: "addressDistrict", label: "distrito", aliases: [] },
  { field: "phone", label: "teléfono", aliases: ["celular", "telefono del estudiante", "telefono estudiante"] },
  {
    field: "guardianName",
    label: "apoderado",
    aliases: ["nombre del apoderado", "nombre apoderado", "apoderado nombres"],
  },
  { field: "guardianRelationship", label: "parentesco", aliases: ["parentesco del apoderado", "relacion"] },
  {
    field: "guardianPhone",
    label: "teléfono del apoderado",
    aliases: ["telefono apoderado", "celular del apoderado", "celular apoderado"],
  },
];

const ALIASES = aliasIndex(ROSTER_COLUMNS);

export type RosterRecord = TStudent & { row: number };

export type ParsedRoster = {
  records: RosterRecord[];
  /** Columns the file has: absent optional columns leave stored values alone. */
  present: Set<RosterField>;
  /** Non-blank data rows read (valid or not). */
  rowCount: number;
  issues: IssueList;
  info: TableInfo | null;
};

/** Key that identifies a student within a school: the document, or names + birth date. */
export function studentKey(
  s: Pick<
    TStudent,
    "documentType" | "documentNumber" | "paternalSurname" | "maternalSurname" | "givenNames" | "birthDate"
  >,
): string {
  if (s.documentType !== "NONE") return `${s.documentType}:${s.documentNumber}`;
  return `NONE:${nameKey(s.paternalSurname)}|${nameKey(s.maternalSurname)}|${nameKey(s.givenNames)}|${s.birthDate ?? ""}`;
}

function describeKey(s: TStudent): string {
  if (s.documentType === "NONE")
    return `El estudiante sin documento ${s.paternalSurname} ${s.maternalSurname} ${s.givenNames}`.replace(/\s+/g, " ");
  const label = s.documentType === "CODIGO" ? "código" : s.documentType;
  return `El documento ${label} ${s.documentNumber}`;
}

export async function parseRosterFile(file: ImportFile, onProgress?: OnImportProgress): Promise<ParsedRoster> {
  const issues = new IssueList();
  const records: RosterRecord[] = [];
  const present = new Set<RosterField>();
  const firstRowOf = new Map<string, number>();
  let index: Partial<Record<RosterField, number>> = {};
  let headers: string[] = [];
  let headerOk = false;
  let rowCount = 0;

  const result = await readTable(file, {
    isHeader: (cells) => countKnownHeaders(cells, ALIASES) >= 3,
    onHeader: (cells, row) => {
      const map = mapColumns(cells, ROSTER_COLUMNS, row);
      map.issues.forEach((i) => issues.add(i.row, i.column, i.message));
      headerOk = map.issues.length === 0;
      index = map.index;
      headers = map.headers;
      for (const field of Object.keys(index) as RosterField[]) present.add(field);
    },
    onRow: (cells, row) => {
      rowCount += 1;
      if (!headerOk) return;
      const columnOf = (field: RosterField) => {
        const i = index[field];
        return i === undefined ? ROSTER_COLUMNS.find((c) => c.field === field)!.label : headers[i] || field;
      };
      const record = readRosterRow(cells, index);
      for (const [field, message] of record.errors) issues.add(row, columnOf(field), message);
      const parsed = ZStudentSchema.safeParse(record.input);
      if (!parsed.success) {
        // The schema speaks in catalogue keys; a file's errors are reported in Spanish, like the file.
        for (const issue of parsed.error.issues) {
          const field = (issue.path[0] as RosterField | undefined) ?? "documentNumber";
          if (!record.errors.has(field)) issues.add(row, columnOf(field), renderText("es", issue.message));
        }
        return;
      }
      if (record.errors.size > 0) return;
      const key = studentKey(parsed.data);
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        const column = parsed.data.documentType === "NONE" ? columnOf("givenNames") : columnOf("documentNumber");
        issues.add(row, column, `${describeKey(parsed.data)} está repetido en las filas ${first} y ${row}.`);
        return;
      }
      firstRowOf.set(key, row);
      records.push({ ...parsed.data, row });
    },
    onProgress: (done, total) => onProgress?.({ phase: "parse", done, total }),
  });
  if (!result.ok) issues.add(result.issue.row, result.issue.column, result.issue.message);
  else if (headerOk && rowCount === 0)
    issues.add(0, "", "El archivo no tiene filas de estudiantes debajo de los encabezados.");
  onProgress?.({ phase: "validate", done: rowCount, total: rowCount });
  return { records, present, rowCount, issues, info: result.ok ? result.info : null };
}

type RowRead = { input: Record<string, unknown>; errors: Map<RosterField, string> };

/** Cell text → the schema's input shape; readers' errors are kept per field. */
function readRosterRow(cells: string[], index: Partial<Record<RosterField, number>>): RowRead {
  const errors = new Map<RosterField, string>();
  const cell = (field: RosterField): string | undefined => {
    const i = index[field];
    return i === undefined ? undefined : (cells[i] ?? "");
  };
  const take = <T>(field: RosterField, parsed: Parsed<T>): T | undefined => {
    if (parsed.error !== undefined) errors.set(field, parsed.error);
    return parsed.value;
  };
  const nonBlank = (field: RosterField) => {
    const text = cell(field);
    return text !== undefined && text.trim() !== "" ? text : undefined;
  };

  const numberText = nonBlank("documentNumber");
  const typeText = cell("documentType");
  let documentType = typeText === undefined ? null : take("documentType", parseDocumentType(typeText));
  if (documentType === null) documentType = numberText ? "DNI" : "NONE";
  const input: Record<string, unknown> = { documentType: documentType ?? undefined };
  if (documentType && documentType !== "NONE" && numberText)
    input.documentNumber = take("documentNumber", parseDocumentNumber(documentType, numberText));
  else input.documentNumber = numberText ?? null;

  for (const field of [
    "paternalSurname",
    "maternalSurname",
    "givenNames",
    "section",
    "addressStreet",
    "addressReference",
    "addressDistrict",
    "phone",
    "guardianName",
    "guardianRelationship",
    "guardianPhone",
  ] as const) {
    input[field] = cell(field) ?? null;
  }
  const sex = nonBlank("sex");
  if (sex) input.sex = take("sex", parseSex(sex));
  const birth = nonBlank("birthDate");
  input.birthDate = birth ? take("birthDate", parseDate(birth)) : null;
  const grade = nonBlank("grade");
  if (grade) input.grade = take("grade", parseGrade(grade));
  else errors.set("grade", "Falta el grado.");
  const level = nonBlank("level");
  const levelValue = level ? take("level", parseLevel(level)) : null;
  if (levelValue) input.level = levelValue;
  return { input, errors };
}
