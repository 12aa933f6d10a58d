import type { AttendanceStatus } from "../generated/prisma/enums";
import { formatDay, dayFromIso, todayInLima } from "../format/date";
import { parseAttendanceStatus, UNKNOWN_STATUS_MESSAGE } from "../attendance/status-codes";
import { aliasIndex, mapColumns, type ColumnSpec } from "./columns";
import { IssueList } from "./issues";
import { normalizeKey } from "./normalize";
import { ROSTER_COLUMNS } from "./roster";
import { AMBIGUOUS, resolveDocument, type StudentDirectory } from "./student-directory";
import { readTable, type TableInfo } from "./table";
import type { ImportFile, OnImportProgress } from "./types";
import { parseDate } from "./values";
import { AttendanceRows, STATUSES } from "./attendance-rows";

// Attendance file → compact typed arrays (student index, date index, status) for millions of
// rows without one object per row. Two shapes: long (document, fecha, estado) and a monthly
// grid (document + one column per day 1…31, an empty cell = no class that day).

type Field = "documentType" | "documentNumber" | "date" | "status";
const documentSpec = (field: "documentType" | "documentNumber") => ROSTER_COLUMNS.find((c) => c.field === field)!;
const COLUMNS: readonly ColumnSpec<Field>[] = [
  { ...documentSpec("documentType"), field: "documentType", required: false },
  { ...documentSpec("documentNumber"), field: "documentNumber", required: true },
  { field: "date", label: "fecha", aliases: ["dia", "fecha de asistencia", "fecha asistencia"] },
  {
    field: "status",
    label: "estado",
    aliases: ["asistencia", "condicion", "estado de asistencia", "codigo de asistencia"],
  },
];
const ALIASES = aliasIndex(COLUMNS);
const DAY_KEY = /^(0?[1-9]|[12]\d|3[01])$/;

export type AttendanceShape = "long" | "grid";
export type AttendanceSampleRow = { row: number; document: string; date: string; status: AttendanceStatus };
export type ParsedAttendance = {
  shape: AttendanceShape | null;
  rows: AttendanceRows;
  rowCount: number;
  issues: IssueList;
  info: TableInfo | null;
  sample: AttendanceSampleRow[];
};

export async function parseAttendanceFile(
  file: ImportFile,
  dir: StudentDirectory,
  opts: { month?: string | null; onProgress?: OnImportProgress } = {},
): Promise<ParsedAttendance> {
  const issues = new IssueList();
  const rows = new AttendanceRows(
    dir.ids.length,
    dir.groups.length,
    Math.ceil(file.bytes.byteLength / 24),
    dir.groupOf,
  );
  const sample: AttendanceSampleRow[] = [];
  const today = todayInLima();
  const month = opts.month?.trim() || null;
  let shape: AttendanceShape | null = null;
  let index: Partial<Record<Field, number>> = {};
  let headers: string[] = [];
  let dayColumns: { column: number; day: number; iso: string | null }[] = [];
  let rowCount = 0;
  let usable = false;

  // Cell text → index caches: a file repeats the same few dates and codes millions of times.
  const dateCache = new Map<string, number | string>();
  const dateIndexOf = (iso: string): number | string => {
    if (iso > today)
      return `La fecha ${formatDay(dayFromIso(iso))} es futura: no se registra asistencia de días que aún no pasan.`;
    return rows.dateIndex(iso);
  };
  const readDate = (text: string): number | string => {
    let hit = dateCache.get(text);
    if (hit === undefined) {
      const parsed = parseDate(text);
      hit = parsed.error ?? dateIndexOf(parsed.value!);
      dateCache.set(text, hit);
    }
    return hit;
  };
  const statusCache = new Map<string, number>();
  const readStatus = (text: string): number => {
    let hit = statusCache.get(text);
    if (hit === undefined) {
      const status = parseAttendanceStatus(text);
      hit = status ? STATUSES.indexOf(status) : -1;
      statusCache.set(text, hit);
    }
    return hit;
  };

  const record = (
    row: number,
    studentIdx: number,
    dateIdx: number,
    status: number,
    column: string,
    document: string,
  ) => {
    const previousRow = rows.add(studentIdx, dateIdx, status, row);
    if (previousRow > 0) {
      issues.add(
        row,
        column,
        `El estudiante ${document.trim()} tiene dos registros para el ${formatDay(dayFromIso(rows.dates[dateIdx]))}: filas ${previousRow} y ${row}.`,
      );
    } else if (sample.length < 10) {
      sample.push({ row, document: document.trim(), date: rows.dates[dateIdx], status: STATUSES[status] });
    }
  };

  const result = await readTable(file, {
    isHeader: (cells) => {
      const keys = cells.map(normalizeKey);
      const hasDocument = keys.some((k) => ALIASES.get(k) === "documentNumber");
      const hasLong = keys.some((k) => ALIASES.get(k) === "date") && keys.some((k) => ALIASES.get(k) === "status");
      return hasDocument && (hasLong || keys.filter((k) => DAY_KEY.test(k)).length >= 5);
    },
    onHeader: (cells, row) => {
      const map = mapColumns(cells, COLUMNS, row, (key) => DAY_KEY.test(key));
      map.issues.forEach((i) => issues.add(i.row, i.column, i.message));
      index = map.index;
      headers = map.headers;
      shape = index.date !== undefined && index.status !== undefined ? "long" : "grid";
      if (shape === "grid") {
        if (!month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
          issues.add(
            row,
            "",
            "El archivo tiene una columna por día: indique el mes como AAAA-MM (por ejemplo 2026-03).",
          );
          return;
        }
        dayColumns = headers.flatMap((h, column) => {
          const key = normalizeKey(h);
          if (!DAY_KEY.test(key)) return [];
          const iso = `${month}-${key.padStart(2, "0")}`;
          return [{ column, day: Number(key), iso: parseDate(iso).value === iso ? iso : null }];
        });
      }
      usable = map.issues.length === 0;
    },
    onRow: (cells, row) => {
      rowCount += 1;
      if (!usable) return;
      const docColumn = headers[index.documentNumber!];
      const document = cells[index.documentNumber!] ?? "";
      if (document.trim() === "") return issues.add(row, docColumn, "Falta el número de documento.");
      const student = resolveDocument(
        dir,
        document,
        index.documentType === undefined ? undefined : (cells[index.documentType] ?? ""),
      );
      if (student === AMBIGUOUS) {
        return issues.add(
          row,
          docColumn,
          `El número ${document.trim()} corresponde a más de un estudiante: agregue la columna «tipo de documento».`,
        );
      }
      if (student < 0)
        return issues.add(row, docColumn, `Documento ${document.trim()} no pertenece a un estudiante de este colegio.`);
      if (shape === "long") {
        const dateText = cells[index.date!] ?? "";
        const statusText = cells[index.status!] ?? "";
        const date = dateText.trim() === "" ? "Falta la fecha." : readDate(dateText);
        const status = readStatus(statusText);
        if (typeof date === "string") issues.add(row, headers[index.date!], date);
        if (status < 0)
          issues.add(
            row,
            headers[index.status!],
            statusText.trim() === "" ? "Falta el estado de asistencia." : UNKNOWN_STATUS_MESSAGE(statusText),
          );
        if (typeof date === "number" && status >= 0) record(row, student, date, status, docColumn, document);
        return;
      }
      for (const day of dayColumns) {
        const text = cells[day.column] ?? "";
        if (text.trim() === "") continue;
        if (day.iso === null) {
          issues.add(row, headers[day.column], `El mes ${month} no tiene día ${day.day}.`);
          continue;
        }
        const date = readDate(day.iso);
        const status = readStatus(text);
        if (typeof date === "string") issues.add(row, headers[day.column], date);
        else if (status < 0) issues.add(row, headers[day.column], UNKNOWN_STATUS_MESSAGE(text));
        else record(row, student, date, status, headers[day.column], document);
      }
    },
    onProgress: (done, total) => opts.onProgress?.({ phase: "parse", done, total }),
  });
  if (!result.ok) issues.add(result.issue.row, result.issue.column, result.issue.message);
  else if (usable && rowCount === 0)
    issues.add(0, "", "El archivo no tiene filas de asistencia debajo de los encabezados.");
  opts.onProgress?.({ phase: "validate", done: rowCount, total: rowCount });
  return { shape, rows, rowCount, issues, info: result.ok ? result.info : null, sample };
}
