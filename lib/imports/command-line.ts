import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { RequestOrigin } from "../auth/types";
import type { ImportFile, ImportProgress } from "./types";

// What the two import commands share: arguments, reading the file, the audit origin and a
// progress line on stderr (stdout carries only the JSON summary, so it can be piped).

export class UsageError extends Error {}

export type ImportArgs = { school: string; file: string; month: string | null };

export function parseImportArgs(args: string[], opts: { allowMonth: boolean }): ImportArgs {
  let school: string | null = null;
  let month: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`Falta el valor de ${flag}.`);
      return v;
    };
    if (flag === "--school") school = value();
    else if (flag === "--month" && opts.allowMonth) month = value();
    else if (flag.startsWith("--")) throw new UsageError(`Opción desconocida: ${flag}`);
    else files.push(arg);
  }
  if (!school) throw new UsageError("Falta --school <código modular>.");
  if (!/^\d{7}$/.test(school)) throw new UsageError(`El código modular «${school}» debe tener 7 dígitos.`);
  if (files.length !== 1) throw new UsageError("Indique un solo archivo CSV o XLSX.");
  if (month !== null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new UsageError(`El mes «${month}» debe escribirse AAAA-MM.`);
  return { school, file: files[0], month };
}

export async function readImportFile(file: string): Promise<ImportFile> {
  try {
    return { fileName: path.basename(file), bytes: await readFile(file) };
  } catch {
    throw new UsageError(`No se puede leer el archivo ${file}.`);
  }
}

export function cliOrigin(command: string): RequestOrigin {
  let who = "desconocido";
  try {
    who = `${os.userInfo().username}@${os.hostname()}`;
  } catch {
    // Containers without a passwd entry: the command is still recorded.
  }
  return { via: "cli", ip: null, userAgent: `${command} (${who})` };
}

const PHASE_LABEL = { parse: "Leyendo", validate: "Validando", write: "Guardando" } as const;

/** Progress on stderr, at most once a second per phase (plus each phase's start and end). */
export function stderrProgress(): (p: ImportProgress) => void {
  let last = "";
  let lastAt = 0;
  return (p) => {
    const now = Date.now();
    const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100;
    const line = `${PHASE_LABEL[p.phase]}… ${pct}%`;
    const edge = !last.startsWith(PHASE_LABEL[p.phase]) || pct === 100;
    if (line === last || (!edge && now - lastAt < 1000)) return;
    last = line;
    lastAt = now;
    process.stderr.write(`${line}\n`);
  };
}
