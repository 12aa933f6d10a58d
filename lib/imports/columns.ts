import { normalizeKey } from "./normalize";
import type { ImportIssue } from "./types";

// Headers are matched ignoring case, accents, spaces and punctuation; unknown headers (N°,
// observaciones, …) are ignored. A field named twice is refused: which one would be right?

export type ColumnSpec<F extends string> = {
  field: F;
  /** How the column is named in messages when it is missing. */
  label: string;
  /** Spellings, normalised with normalizeKey when the index is built. */
  aliases: readonly string[];
  required?: boolean;
};

export type ColumnMap<F extends string> = {
  /** Field → 0-based index of its column. */
  index: Partial<Record<F, number>>;
  /** Headers exactly as written in the file (for error messages). */
  headers: string[];
  ignored: string[];
  issues: ImportIssue[];
};

export function aliasIndex<F extends string>(specs: readonly ColumnSpec<F>[]): Map<string, F> {
  const map = new Map<string, F>();
  for (const spec of specs) for (const alias of [spec.label, ...spec.aliases]) map.set(normalizeKey(alias), spec.field);
  return map;
}

export function mapColumns<F extends string>(
  cells: string[],
  specs: readonly ColumnSpec<F>[],
  headerRow: number,
  isExtraColumn: (key: string) => boolean = () => false,
): ColumnMap<F> {
  const aliases = aliasIndex(specs);
  const index: Partial<Record<F, number>> = {};
  const headers = cells.map((c) => c.trim());
  const ignored: string[] = [];
  const issues: ImportIssue[] = [];
  headers.forEach((header, i) => {
    const key = normalizeKey(header);
    const field = aliases.get(key);
    if (!field) {
      if (header && !isExtraColumn(key)) ignored.push(header);
      return;
    }
    const previous = index[field];
    if (previous !== undefined) {
      issues.push({
        row: headerRow,
        column: header,
        message: `La columna «${header}» repite «${headers[previous]}»: deje solo una.`,
      });
      return;
    }
    index[field] = i;
  });
  for (const spec of specs) {
    if (spec.required && index[spec.field] === undefined) {
      issues.push({ row: headerRow, column: spec.label, message: `Falta la columna obligatoria «${spec.label}».` });
    }
  }
  return { index, headers, ignored, issues };
}

/** How many cells of a row are known headers (used to find the header row). */
export function countKnownHeaders(cells: string[], aliases: Map<string, string>): number {
  let n = 0;
  for (const cell of cells) if (aliases.has(normalizeKey(cell))) n += 1;
  return n;
}
