import zlib from "node:zlib";

// A small XLSX can unpack to gigabytes (a "zip bomb"), and the XLSX reader inflates the whole
// workbook in memory. Before reading, two checks: the uncompressed sizes the zip's central
// directory declares (cheap, catches the honest case), then every entry actually inflated as a
// stream, counting bytes and discarding them, stopped as soon as the total passes the limit
// (declared sizes can lie; this cannot). The entries are located exactly as the reader
// (JSZip, inside exceljs) locates them: central directory → local header → compressed bytes.

export const MAX_XLSX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64 = 0xffffffff;

const UNREADABLE = "No se pudo leer el archivo XLSX: puede estar dañado o protegido con contraseña.";
const TOO_LARGE = "El archivo XLSX es demasiado grande al descomprimirlo: expórtelo como CSV.";

type Entry = { method: number; flags: number; compressed: number; declared: number; localOffset: number };

/** The central directory's entries, or null when the bytes are not a zip this guard can read. */
function centralDirectory(bytes: Uint8Array): Entry[] | null {
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
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return null;
    entries.push({
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressed: view.getUint32(offset + 20, true),
      declared: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset +=
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** Declared total uncompressed size of a zip, or null when the bytes are not a readable zip. */
export function declaredUncompressedSize(bytes: Uint8Array): { total: number; entries: number } | null {
  const entries = centralDirectory(bytes);
  if (!entries) return null;
  return { total: entries.reduce((sum, e) => sum + e.declared, 0), entries: entries.length };
}

/** An entry's compressed bytes, found through its local header, or null when out of bounds. */
function compressedBytes(bytes: Uint8Array, entry: Entry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressed;
  return end <= bytes.byteLength ? bytes.subarray(start, end) : null;
}

/**
 * Inflates `data` as a stream and counts the output, discarding it; resolves with the count,
 * or "tooLarge" the moment it passes `budget` (the stream is destroyed there, so a bomb costs
 * at most `budget` bytes of work), or "unreadable" for a corrupt stream.
 */
function inflatedSize(data: Uint8Array, budget: number): Promise<number | "tooLarge" | "unreadable"> {
  return new Promise((resolve) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    let settled = false;
    const settle = (value: number | "tooLarge" | "unreadable") => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > budget) {
        settle("tooLarge");
        inflate.destroy();
      }
    });
    inflate.on("error", () => settle("unreadable"));
    inflate.on("end", () => settle(size));
    inflate.end(data);
  });
}

/**
 * Inflates every entry and adds up the real uncompressed bytes, stopping at `limit`. Encrypted
 * entries, ZIP64 archives and compression methods the reader does not support are unreadable.
 */
export async function inflatedTotal(
  bytes: Uint8Array,
  limit = MAX_XLSX_UNCOMPRESSED_BYTES,
): Promise<number | "tooLarge" | "unreadable"> {
  const entries = centralDirectory(bytes);
  if (!entries) return "unreadable";
  if (entries.length > MAX_ENTRIES) return "tooLarge";
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 1) return "unreadable"; // encrypted
    if ([entry.compressed, entry.declared, entry.localOffset].includes(ZIP64)) return "unreadable";
    const data = compressedBytes(bytes, entry);
    if (!data) return "unreadable";
    if (entry.method === 0) {
      total += data.byteLength;
    } else if (entry.method === 8) {
      const size = await inflatedSize(data, limit - total);
      if (typeof size !== "number") return size;
      total += size;
    } else {
      return "unreadable";
    }
    if (total > limit) return "tooLarge";
  }
  return total;
}

/** A Spanish reason to refuse the file, or null when it may be read. */
export async function xlsxExpansionProblem(
  bytes: Uint8Array,
  limit = MAX_XLSX_UNCOMPRESSED_BYTES,
): Promise<string | null> {
  const size = declaredUncompressedSize(bytes);
  if (!size) return UNREADABLE;
  if (size.entries > MAX_ENTRIES || size.total > limit) return TOO_LARGE;
  const inflated = await inflatedTotal(bytes, limit);
  if (inflated === "tooLarge") return TOO_LARGE;
  if (inflated === "unreadable") return UNREADABLE;
  return null;
}
