import { parseCsv, detectDelimiter } from "./csv";
import { decodeText, type TextEncodingName } from "./decode";
import { MAX_IMPORT_BYTES, MAX_XLSX_BYTES, type ImportFile, type ImportIssue } from "./types";
import { readXlsxRows } from "./xlsx";
import { xlsxExpansionProblem } from "./zip-guard";

// One entry point for "a table of strings" whatever the file: it finds the header row
// (files often carry a title such as "NÓMINA DE MATRÍCULA 2026" above it), skips blank rows
// (`;;;;` lines Excel leaves at the end) and keeps Excel's row numbers for error messages.

export type TableFormat = "csv" | "xlsx";
export type TableInfo = { format: TableFormat; encoding: TextEncodingName | null; delimiter: string | null };

export type TableVisitor = {
  /** Whether a row is the header; the first rows are tried in order. */
  isHeader: (cells: string[]) => boolean;
  onHeader: (cells: string[], row: number) => void;
  /** Every non-blank row below the header. */
  onRow: (cells: string[], row: number) => void;
  onProgress?: (done: number, total: number) => void;
};

export type TableResult = { ok: true; info: TableInfo } | { ok: false; issue: ImportIssue };

/** Rows searched for the header before giving up. */
const HEADER_SEARCH_ROWS = 15;

const refuse = (message: string): TableResult => ({ ok: false, issue: { row: 0, column: "", message } });

export async function readTable(file: ImportFile, visitor: TableVisitor): Promise<TableResult> {
  const { bytes } = file;
  if (bytes.byteLength === 0) return refuse("El archivo está vacío.");
  if (bytes.byteLength > MAX_IMPORT_BYTES) return refuse("El archivo supera el tamaño máximo de 256 MB.");
  const format = detectFormat(file);
  if (format === "xls")
    return refuse("El formato XLS (Excel 97-2003) no se admite: guarde el archivo como XLSX o CSV.");

  let headerRow = 0;
  let searched = 0;
  const visit = (cells: string[], row: number): boolean | void => {
    if (isBlank(cells)) return;
    if (headerRow > 0) {
      visitor.onRow(cells, row);
      return;
    }
    if (visitor.isHeader(cells)) {
      headerRow = row;
      visitor.onHeader(cells, row);
      return;
    }
    searched += 1;
    if (searched >= HEADER_SEARCH_ROWS) return false;
  };

  let info: TableInfo;
  if (format === "xlsx") {
    if (bytes.byteLength > MAX_XLSX_BYTES) return refuse("El archivo XLSX supera 40 MB: expórtelo como CSV.");
    const expansion = await xlsxExpansionProblem(bytes);
    if (expansion) return refuse(expansion);
    try {
      const { empty } = await readXlsxRows(bytes, visit, visitor.onProgress);
      if (empty) return refuse("La primera hoja del archivo XLSX está vacía.");
    } catch {
      return refuse("No se pudo leer el archivo XLSX: puede estar dañado o protegido con contraseña.");
    }
    info = { format, encoding: null, delimiter: null };
  } else {
    const { text, encoding } = decodeText(bytes);
    if (text.includes("\u0000")) return refuse("El archivo no parece ser un CSV de texto.");
    const delimiter = detectDelimiter(text);
    const { quoteErrorRow } = await parseCsv(text, delimiter, visit, visitor.onProgress);
    if (quoteErrorRow !== null) {
      return {
        ok: false,
        issue: { row: quoteErrorRow, column: "", message: "Hay comillas sin cerrar a partir de esta fila." },
      };
    }
    info = { format, encoding, delimiter };
  }
  if (headerRow === 0) {
    return refuse("No se encontró la fila de encabezados (por ejemplo «Número de documento», «Apellido paterno»).");
  }
  return { ok: true, info };
}

function detectFormat(file: ImportFile): TableFormat | "xls" {
  const b = file.bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return "xlsx";
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return "xls";
  return "csv";
}

export function isBlank(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i].trim() !== "") return false;
  return true;
}
