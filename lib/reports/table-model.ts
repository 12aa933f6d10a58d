import { protectCells, type AtomProtection, type AtomSpec, type Protection, type ProtectedCell } from "./suppression";

/** A printed count: the number, "< 5" (`suppressed`) or hidden to protect a small one (`withheld`). */
export type Count = number | "suppressed" | "withheld";

/** numerator ÷ denominator in %, one decimal; null when either is hidden or the denominator is 0. */
export function percentOf(numerator: Count, denominator: Count): number | null {
  if (typeof numerator !== "number" || typeof denominator !== "number" || denominator === 0) return null;
  return Math.round((1000 * numerator) / denominator) / 10;
}

/**
 * The figures of one report table, described as sums of atoms (see suppression.ts), and what
 * may be printed of each. Atoms are created on first mention, so an empty combination still
 * exists (with 0) and is protected like any other.
 */
export class TableModel {
  private atomIndex = new Map<string, number>();
  private atoms: AtomSpec[] = [];
  private cells: ProtectedCell[] = [];
  private cellIndex = new Map<string, number>();
  private hidden = new Map<string, Protection>();
  private implied: { atoms: number[]; protect: AtomProtection }[] = [];

  /** The atom `key` (created with 0 on first mention). */
  atom(key: string, protect: AtomProtection = "nonzero"): number {
    let i = this.atomIndex.get(key);
    if (i === undefined) {
      i = this.atoms.length;
      this.atomIndex.set(key, i);
      this.atoms.push({ value: 0, protect });
    }
    return i;
  }

  add(key: string, n: number) {
    this.atoms[this.atom(key)].value += n;
  }

  /**
   * A printed figure: the sum of `atomKeys`. `parts`: other figures it splits into (a total);
   * `contains`: figures nested inside it (a funnel step inside the one before); `group`: the
   * same number printed elsewhere. The relations let the protection reason like a reader would.
   */
  cell(
    key: string,
    atomKeys: readonly string[],
    opts: { parts?: string[][]; contains?: string[]; group?: string } = {},
  ) {
    if (this.cellIndex.has(key)) throw new Error(`figure ${key} declared twice`);
    this.cellIndex.set(key, this.cells.length);
    this.cells.push({ key, atoms: atomKeys.map((k) => this.atom(k)), ...opts });
  }

  /** A group that is not printed but follows from printed figures: protected like them. */
  impliedGroup(atomKeys: readonly string[], protect: AtomProtection = "nonzero") {
    this.implied.push({ atoms: atomKeys.map((k) => this.atom(k)), protect });
  }

  value(key: string): number {
    const c = this.cells[this.cellIndex.get(key)!];
    if (!c) throw new Error(`unknown figure ${key}`);
    return c.atoms.reduce((n, a) => n + this.atoms[a].value, 0);
  }

  /**
   * Decides what is printed. Without `suppress` everything is. `forced` figures are hidden from
   * the start (the same number hidden in another table of the page).
   */
  protect(suppress: boolean, forced: ReadonlySet<string> = new Set()): this {
    this.hidden = suppress ? protectCells(this.atoms, this.cells, forced, this.implied) : new Map();
    return this;
  }

  get(key: string): Count {
    const value = this.value(key);
    const p = this.hidden.get(key);
    return p === "small" ? "suppressed" : p === "withheld" ? "withheld" : value;
  }

  /** Keys among `keys` that are hidden. */
  hiddenAmong(keys: readonly string[]): Set<string> {
    return new Set(keys.filter((k) => this.hidden.has(k)));
  }
}

/**
 * Protects tables that print some of the same numbers (a grand total in two tables): a number
 * hidden in one is hidden in the others too, until no table hides anything new. `links` maps a
 * shared name to the key of that number in each table.
 */
export function protectLinked(suppress: boolean, tables: { model: TableModel; links: Record<string, string> }[]) {
  const hidden = new Set<string>();
  for (let round = 0; round <= tables.length + 1; round++) {
    const before = hidden.size;
    for (const { model, links } of tables) {
      const forced = new Set(Object.entries(links).flatMap(([name, key]) => (hidden.has(name) ? [key] : [])));
      model.protect(suppress, forced);
      for (const [name, key] of Object.entries(links)) if (model.hiddenAmong([key]).size > 0) hidden.add(name);
    }
    if (hidden.size === before) break;
  }
}
