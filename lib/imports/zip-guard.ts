// A small XLSX can unpack to gigabytes (a "zip bomb"), and the XLSX reader inflates the whole
// workbook in memory. Before reading, add up the uncompressed sizes the zip's central
// directory declares and refuse files that would grow past the limit. Declared sizes can be
// forged; the upload limit and this check together bound the ordinary and the careless case.

export const MAX_XLSX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/** Declared total uncompressed size of a zip, or null when the bytes are not a readable zip. */
export function declaredUncompressedSize(bytes: Uint8Array): { total: number; entries: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes + up to 64 KiB of comment.
  const stop = Math.max(0, bytes.byteLength - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return null;
    total += view.getUint32(offset + 24, true);
    offset +=
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return { total, entries };
}

/** A Spanish reason to refuse the file, or null when it may be read. */
export function xlsxExpansionProblem(bytes: Uint8Array): string | null {
  const size = declaredUncompressedSize(bytes);
  if (!size) return "No se pudo leer el archivo XLSX: puede estar dañado o protegido con contraseña.";
  if (size.entries > MAX_ENTRIES || size.total > MAX_XLSX_UNCOMPRESSED_BYTES) {
    return "El archivo XLSX es demasiado grande al descomprimirlo: expórtelo como CSV.";
  }
  return null;
}
