import "server-only";
import { createHash, type Hash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip, type Gzip } from "node:zlib";

// The backup file (docs/decisions/024-backup-restore.md): one gzip stream of text lines.
//
//   PERMANENCIA-BACKUP 1
//   {header: when, server version, the migrations applied, pg-boss's schema version, tables and columns}
//   TABLE public.school
//   <the table's rows in COPY's text format, one line per row>
//   \.
//   TABLE …
//   END {"rows": {"public.school": 4, …}, "sha256": "<of every byte before the END line>"}
//
// COPY's text format escapes backslashes and line breaks inside values, so a row is one line and
// a line holding only `\.` ends a table, as in pg_dump's plain format.

export const MAGIC = "PERMANENCIA-BACKUP 1";

export type BackupHeader = {
  format: 1;
  createdAt: string;
  database: string;
  serverVersion: string;
  migrations: { name: string; checksum: string }[];
  /** pg-boss's schema version, or null when the database had none. */
  jobSchemaVersion: number | null;
  tables: { name: string; columns: string[] }[];
};
export type BackupTrailer = { rows: Record<string, number>; sha256: string };

const NL = 0x0a;
const END_OF_TABLE = "\\.";

export class BackupWriter {
  private readonly gzip: Gzip = createGzip({ level: 6 });
  private readonly hash: Hash = createHash("sha256");
  private readonly done: Promise<void>;
  private readonly rows: Record<string, number> = {};

  constructor(file: string) {
    const out = createWriteStream(file, { mode: 0o600 });
    this.gzip.pipe(out);
    this.done = finished(out);
  }

  private async write(chunk: Buffer | string) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    this.hash.update(bytes);
    if (!this.gzip.write(bytes)) await once(this.gzip, "drain");
  }

  async header(header: BackupHeader) {
    await this.write(`${MAGIC}\n${JSON.stringify(header)}\n`);
  }

  /** One table's rows, as COPY … TO STDOUT streams them. */
  async table(name: string, copyOut: AsyncIterable<Buffer>) {
    await this.write(`TABLE ${name}\n`);
    let rows = 0;
    for await (const chunk of copyOut) {
      for (let i = chunk.indexOf(NL); i !== -1; i = chunk.indexOf(NL, i + 1)) rows++;
      await this.write(chunk);
    }
    await this.write(`${END_OF_TABLE}\n`);
    this.rows[name] = rows;
  }

  async end(): Promise<BackupTrailer> {
    const trailer = { rows: this.rows, sha256: this.hash.digest("hex") };
    this.gzip.end(`END ${JSON.stringify(trailer)}\n`);
    await this.done;
    return trailer;
  }
}

export class BackupFormatError extends Error {}

/** A file's lines (without the line break), read through gunzip. */
async function* lines(file: string): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(file).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    const data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let i = data.indexOf(NL); i !== -1; i = data.indexOf(NL, start)) {
      yield data.subarray(start, i);
      start = i + 1;
    }
    rest = Buffer.from(data.subarray(start));
  }
  if (rest.length) throw new BackupFormatError("el archivo termina a mitad de una línea (incompleto)");
}

export type BackupSection =
  | { kind: "header"; header: BackupHeader }
  | { kind: "rows"; table: string; chunk: Buffer }
  | { kind: "table-end"; table: string; rows: number }
  | { kind: "end"; trailer: BackupTrailer; sha256: string };

const CHUNK = 256 * 1024;

/**
 * Reads a backup front to back: its header, each table's rows in chunks of whole lines (ready
 * for COPY … FROM STDIN), and the trailer with the checksum computed while reading. Refuses a
 * file that is not a backup or is cut short; the caller compares the checksum and the counts.
 */
export async function* readBackup(file: string): AsyncGenerator<BackupSection> {
  const hash = createHash("sha256");
  const it = lines(file);
  const next = async () => {
    const { value, done } = await it.next();
    if (done) throw new BackupFormatError("el archivo termina antes de su cierre (END): está incompleto");
    return value;
  };
  const hashed = (line: Buffer) => {
    hash.update(line);
    hash.update("\n");
  };
  const magic = await next().catch(() => Buffer.alloc(0));
  if (magic.toString() !== MAGIC) throw new BackupFormatError("no es una copia de seguridad de Permanencia");
  hashed(magic);
  const headerLine = await next();
  hashed(headerLine);
  yield { kind: "header", header: JSON.parse(headerLine.toString()) as BackupHeader };
  for (;;) {
    const line = await next();
    const text = line.toString();
    if (text.startsWith("END ")) {
      const trailer = JSON.parse(text.slice(4)) as BackupTrailer;
      yield { kind: "end", trailer, sha256: hash.digest("hex") };
      return;
    }
    if (!text.startsWith("TABLE ")) throw new BackupFormatError(`línea inesperada en la copia: «${text.slice(0, 60)}»`);
    hashed(line);
    const table = text.slice(6);
    let rows = 0;
    let batch: Buffer[] = [];
    let size = 0;
    for (;;) {
      const row = await next();
      hashed(row);
      if (row.length === 2 && row.toString() === END_OF_TABLE) break;
      batch.push(row, Buffer.from("\n"));
      size += row.length + 1;
      rows++;
      if (size >= CHUNK) {
        yield { kind: "rows", table, chunk: Buffer.concat(batch) };
        batch = [];
        size = 0;
      }
    }
    if (size > 0) yield { kind: "rows", table, chunk: Buffer.concat(batch) };
    yield { kind: "table-end", table, rows };
  }
}

/** Reads a whole backup without a database: the header if the checksum and every count hold. */
export async function verifyBackupFile(file: string): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  let header: BackupHeader | undefined;
  const counted: Record<string, number> = {};
  for await (const section of readBackup(file)) {
    if (section.kind === "header") header = section.header;
    if (section.kind === "table-end") counted[section.table] = section.rows;
    if (section.kind === "end") {
      checkTrailer(section, counted);
      return { header: header!, trailer: section.trailer };
    }
  }
  throw new BackupFormatError("el archivo termina antes de su cierre (END): está incompleto");
}

export function checkTrailer(end: Extract<BackupSection, { kind: "end" }>, counted: Record<string, number>) {
  if (end.sha256 !== end.trailer.sha256)
    throw new BackupFormatError("la suma de verificación no coincide: el archivo está dañado");
  const expected = Object.entries(end.trailer.rows);
  const wrong = expected.filter(([t, n]) => counted[t] !== n);
  if (wrong.length || Object.keys(counted).length !== expected.length)
    throw new BackupFormatError(
      `las filas no coinciden con el índice de la copia (${wrong.map(([t]) => t).join(", ")})`,
    );
}
