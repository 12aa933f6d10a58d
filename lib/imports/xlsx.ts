import ExcelJS from "exceljs";

// XLSX through exceljs. Only the first worksheet is read. Cell values become the text a user
// would see: dates as dd/mm/yyyy, numbers without grouping (a DNI typed as a number arrives
// as 1234567 and is padded later by the value parsers).

export async function readXlsxRows(
  bytes: Uint8Array,
  onRow: (cells: string[], row: number) => boolean | void,
  onProgress?: (done: number, total: number) => void,
): Promise<{ empty: boolean }> {
  const workbook = new ExcelJS.Workbook();
  // exceljs' typings predate Node's generic Buffer; the runtime accepts any Buffer.
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets.find((ws) => ws.state !== "hidden" && ws.rowCount > 0) ?? workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return { empty: true };
  const total = sheet.rowCount;
  let stopped = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (stopped) return;
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
    if (onRow(cells, rowNumber) === false) stopped = true;
    if (rowNumber % 5000 === 0) onProgress?.(rowNumber, total);
  });
  onProgress?.(total, total);
  return { empty: false };
}

export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "VERDADERO" : "FALSO";
  if (value instanceof Date) return formatUtcDay(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("hyperlink" in value) return String(value.text ?? "");
  if ("error" in value) return "";
  return "";
}

/** exceljs turns date cells into UTC-midnight Dates; read them back in UTC, never local time. */
function formatUtcDay(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}
