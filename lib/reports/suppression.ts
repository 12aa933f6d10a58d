import { SUPPRESSION_THRESHOLD } from "../home/suppress";

// Small-count protection for aggregate-only readers (coordinators), with complementary
// suppression: hiding "2" is useless if the total and the other cells of its row are shown,
// because 2 = total − the others. A report describes its tables as cells over *atoms* — the
// finest counts the tables are built from (e.g. students of one school at one funnel step and
// no further). Every printed figure is a sum of atoms. This module decides which figures to
// hide so that no small count can be worked out from what is shown:
//
// - "small": a printed figure under 5 (zero included), shown as "< 5";
// - "withheld": a figure of 5 or more hidden only so that a small one cannot be deduced.
//
// A small count is "deduced" when it is fixed by the printed figures through
//   (1) exact arithmetic: it is a sum/difference of printed figures (linear algebra over the
//       atoms, so chains across rows and columns count, not only one total minus siblings);
//   (2) bounds: the reader knows a "< 5" cell is 0–4, a withheld one is 5 or more and no count
//       is negative (interval propagation over every printed sum).
// Protected counts: every printed figure under 5, every atom from 1 to 4, and the groups a
// report declares as implied (e.g. "evaluated but not referred" = evaluated − referred), each
// a group of one to four children. An implied zero is protected only where the report says so
// (AtomSpec.protect).
// When a count can be deduced, the smallest printed figure used to deduce it is withheld, and
// the check runs again until nothing small can be deduced. Linked figures (one number printed
// in several places, `group`) are hidden together.

export type Protection = "small" | "withheld";

export type ProtectedCell = {
  key: string;
  /** Indexes into the atom list whose sum is this figure. */
  atoms: readonly number[];
  /** Cells with the same group are the same printed number: hidden together. */
  group?: string;
  /** Ways this figure splits into other printed figures (a total into its rows, or its columns). */
  parts?: readonly (readonly string[])[];
  /** Printed figures nested inside this one (a funnel step inside the step before it). */
  contains?: readonly string[];
};

/**
 * An atom and when it must not be deducible: "nonzero" (default) when it is 1 to 4; "always"
 * also at 0 (an empty group says something about everyone else, e.g. "every girl of 2° is
 * alerted"); "never" for counts that describe no child (e.g. answers left unknown).
 */
export type AtomSpec = { value: number; protect?: AtomProtection };
export type AtomProtection = "nonzero" | "always" | "never";

const P = 94_906_249; // prime with P² < 2^53: products of residues stay exact in a double
const mod = (a: number) => ((a % P) + P) % P;
const mulAdd = (acc: number, f: number, x: number) => mod(acc + ((f * x) % P));

function inverse(a: number): number {
  let [r0, r1, s0, s1] = [P, mod(a), 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0);
}

type Sparse = { idx: number[]; val: number[] };

/**
 * Row-echelon basis (mod P) of the printed figures over the atoms, each row remembering which
 * figures it combines. A row's pivot is its smallest atom, so reducing a vector walks its atoms
 * upwards once, in a dense scratch array.
 */
class Basis {
  private rows: (Sparse & { combo: Sparse })[] = [];
  private v: Float64Array;
  private c: Float64Array;

  constructor(atomCount: number, cellCount: number) {
    this.rows = new Array(atomCount);
    this.v = new Float64Array(atomCount);
    this.c = new Float64Array(cellCount);
  }

  /**
   * Reduces the sum of `atoms`. In the span: the printed figures it is made of. Otherwise the
   * remainder (and its combination) when `keepRest`, for a new row.
   */
  private reduce(atoms: readonly number[], cell: number | null, keepRest: boolean) {
    const { v, c } = this;
    const touchedAtoms: number[] = [];
    const touchedCells: number[] = [];
    let start = Infinity;
    for (const a of atoms) {
      if (v[a] === 0) touchedAtoms.push(a);
      v[a] = mod(v[a] + 1);
      if (a < start) start = a;
    }
    if (cell !== null) {
      c[cell] = 1;
      touchedCells.push(cell);
    }
    let free = -1;
    for (let k = start; k < v.length; k++) {
      const f = v[k];
      if (f === 0) continue;
      const row = this.rows[k];
      if (!row) {
        free = k;
        break;
      }
      for (let j = 0; j < row.idx.length; j++) {
        const a = row.idx[j];
        if (v[a] === 0) touchedAtoms.push(a);
        v[a] = mulAdd(v[a], P - f, row.val[j]);
      }
      for (let j = 0; j < row.combo.idx.length; j++) {
        const i = row.combo.idx[j];
        if (c[i] === 0) touchedCells.push(i);
        c[i] = mulAdd(c[i], P - f, row.combo.val[j]);
      }
    }
    let rest: Sparse | null = null;
    let combo: Sparse = { idx: [], val: [] };
    if (free < 0 || keepRest) {
      combo = { idx: touchedCells.filter((i) => c[i] !== 0), val: [] };
      combo.val = combo.idx.map((i) => c[i]);
    }
    if (free >= 0 && keepRest) {
      const idx = touchedAtoms.filter((a) => a >= free && v[a] !== 0).sort((a, b) => a - b);
      rest = { idx, val: idx.map((a) => v[a]) };
    }
    for (const a of touchedAtoms) v[a] = 0;
    for (const i of touchedCells) c[i] = 0;
    return { inSpan: free < 0, combo, rest };
  }

  /** Whether the sum of `atoms` follows from the printed figures, and from which. */
  explain(atoms: readonly number[]): { inSpan: boolean; uses: number[] } {
    const r = this.reduce(atoms, null, false);
    return { inSpan: r.inSpan, uses: r.combo.idx };
  }

  add(atoms: readonly number[], cell: number) {
    const { rest, combo } = this.reduce(atoms, cell, true);
    if (!rest) return;
    const inv = inverse(rest.val[0]);
    const scale = (x: number) => (x * inv) % P;
    this.rows[rest.idx[0]] = {
      idx: rest.idx,
      val: rest.val.map(scale),
      combo: { idx: combo.idx, val: combo.val.map(scale) },
    };
  }
}

type Bounds = { lo: number[]; hi: number[] };
type Relation = { total: number; parts: readonly number[] };

/**
 * Interval reasoning over variables (atoms, printed figures, derived sums) tied by relations
 * total = Σ parts: each bound is tightened from the others until nothing changes.
 */
function propagate(lo: number[], hi: number[], relations: readonly Relation[]): Bounds {
  for (let round = 0; round < 40; round++) {
    let changed = false;
    const tighten = (v: number, newLo: number, newHi: number) => {
      if (newLo > lo[v]) {
        lo[v] = newLo;
        changed = true;
      }
      if (newHi < hi[v]) {
        hi[v] = newHi;
        changed = true;
      }
    };
    for (const { total, parts } of relations) {
      let sumLo = 0;
      let sumHiFinite = 0;
      let infinite = 0;
      for (const p of parts) {
        sumLo += lo[p];
        if (hi[p] === Infinity) infinite++;
        else sumHiFinite += hi[p];
      }
      tighten(total, sumLo, infinite > 0 ? Infinity : sumHiFinite);
      for (const p of parts) {
        const othersInf = infinite - (hi[p] === Infinity ? 1 : 0);
        const othersHi = othersInf > 0 ? Infinity : sumHiFinite - (hi[p] === Infinity ? 0 : hi[p]);
        tighten(p, othersHi === Infinity ? lo[p] : lo[total] - othersHi, hi[total] - (sumLo - lo[p]));
      }
    }
    if (!changed) break;
  }
  return { lo, hi };
}

/** total = Σ atoms for every figure, and total = Σ parts for every declared split. */
function buildRelations(atomCount: number, cells: readonly ProtectedCell[]): Relation[] {
  const index = new Map(cells.map((c, i) => [c.key, i]));
  const find = (owner: string, key: string) => {
    const i = index.get(key);
    if (i === undefined) throw new Error(`${owner} refers to an unknown figure ${key}`);
    return i;
  };
  return cells.flatMap((c, i) => {
    const own = new Set(c.atoms);
    const relations: Relation[] = [{ total: atomCount + i, parts: c.atoms }];
    for (const split of c.parts ?? []) {
      const parts = split.map((key) => find(c.key, key));
      const covered = parts.flatMap((p) => cells[p].atoms).sort((a, b) => a - b);
      if (covered.join() !== [...c.atoms].sort((a, b) => a - b).join())
        throw new Error(`${split.join(" + ")} is not a split of ${c.key}`);
      relations.push({ total: atomCount + i, parts: parts.map((p) => atomCount + p) });
    }
    // A nested figure: the outer one is the inner one plus the atoms around it.
    for (const key of c.contains ?? []) {
      const inner = cells[find(c.key, key)].atoms;
      if (!inner.every((a) => own.has(a))) throw new Error(`${key} is not inside ${c.key}`);
      const innerSet = new Set(inner);
      relations.push({
        total: atomCount + i,
        parts: [atomCount + find(c.key, key), ...c.atoms.filter((a) => !innerSet.has(a))],
      });
    }
    return relations;
  });
}

const sumOf = (values: readonly number[], atoms: readonly number[]) => atoms.reduce((n, a) => n + values[a], 0);

/**
 * Which printed figures to hide. `atoms` are the finest counts; `cells` the printed figures.
 * Returns the hidden ones by key; every other figure may be printed as is.
 */
export function protectCells(
  atoms: readonly AtomSpec[],
  cells: readonly ProtectedCell[],
  /** Figures to hide from the start (hidden elsewhere on the same page). */
  forced: ReadonlySet<string> = new Set(),
  /** Groups that are not printed but must not be worked out either (e.g. "evaluated, not referred"). */
  implied: readonly { atoms: readonly number[]; protect?: AtomProtection }[] = [],
): Map<string, Protection> {
  const values = atoms.map((a) => a.value);
  const value = cells.map((c) => sumOf(values, c.atoms));
  const state: (Protection | null)[] = value.map((v) => (v < SUPPRESSION_THRESHOLD ? "small" : null));
  const byGroup = new Map<string, number[]>();
  cells.forEach((c, i) => c.group && byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), i]));
  const hide = (i: number) => {
    for (const j of cells[i].group ? byGroup.get(cells[i].group!)! : [i]) state[j] ??= "withheld";
  };
  cells.forEach((c, i) => forced.has(c.key) && (state[i] ??= "withheld"));
  for (const i of state.flatMap((s, i) => (s ? [i] : []))) hide(i);

  const targets: { atoms: readonly number[]; cell?: number }[] = [
    ...atoms.flatMap((a, i) =>
      a.protect !== "never" && a.value < SUPPRESSION_THRESHOLD && (a.value > 0 || a.protect === "always")
        ? [{ atoms: [i] }]
        : [],
    ),
    ...cells.flatMap((c, i) => (state[i] === "small" ? [{ atoms: c.atoms, cell: i }] : [])),
    ...implied.filter((g) => {
      const v = sumOf(values, g.atoms);
      return g.protect !== "never" && v < SUPPRESSION_THRESHOLD && (v > 0 || g.protect === "always");
    }),
  ];
  const relations = buildRelations(atoms.length, cells);
  const relationsOf: Relation[][] = [...atoms, ...cells].map(() => []);
  for (const r of relations) for (const m of new Set([r.total, ...r.parts])) relationsOf[m].push(r);
  const cellsOfAtom: number[][] = atoms.map(() => []);
  cells.forEach((c, i) => c.atoms.forEach((a) => cellsOfAtom[a].push(i)));
  // Hide the least informative figure: an inner cell before a total, a small one before a large one.
  const isTotal = cells.map((c) => (c.parts?.length ?? 0) > 0);
  const cost = (i: number) => (isTotal[i] ? 1e12 : 0) + value[i] * 1e3 + cells[i].atoms.length;

  for (let pass = 0; pass <= cells.length; pass++) {
    const basis = new Basis(atoms.length, cells.length);
    state.forEach((s, i) => s === null && basis.add(cells[i].atoms, i));
    // What the reader knows exactly: printed figures, and hidden ones that are sums or
    // differences of printed ones (e.g. a hidden total that is the sum of printed parts).
    const lo = [...atoms.map(() => 0), ...cells.map(() => 0)];
    const hi = [...atoms.map(() => Infinity), ...cells.map(() => Infinity)];
    cells.forEach((c, i) => {
      const v = atoms.length + i;
      if (state[i] === null || basis.explain(c.atoms).inSpan) lo[v] = hi[v] = value[i];
      else if (state[i] === "withheld") lo[v] = SUPPRESSION_THRESHOLD;
      else hi[v] = SUPPRESSION_THRESHOLD - 1;
    });
    const bounds = propagate(lo, hi, relations);
    const pinnedCell = (i: number) => bounds.lo[atoms.length + i] === bounds.hi[atoms.length + i];
    // The printed figures that pin a count through bounds: its siblings in every sum it takes
    // part in and, for a hidden sibling that is still known exactly, the figures it follows from.
    const pinningCells = (t: { atoms: readonly number[]; cell?: number }) => {
      const v = t.cell === undefined ? t.atoms[0] : atoms.length + t.cell;
      const found = new Set<number>();
      for (const r of t.cell === undefined ? t.atoms.flatMap((a) => relationsOf[a]) : relationsOf[v]) {
        for (const m of [r.total, ...r.parts]) {
          if (m < atoms.length || m === v) continue;
          const i = m - atoms.length;
          if (state[i] === null) found.add(i);
          else if (lo[m] === hi[m] && m !== v) for (const u of basis.explain(cells[i].atoms).uses) found.add(u);
        }
      }
      return found.size > 0 ? [...found] : [...new Set(t.atoms.flatMap((a) => cellsOfAtom[a]))];
    };
    const toHide = new Set<number>();
    for (const t of targets) {
      const linear = basis.explain(t.atoms);
      const pinned =
        t.cell !== undefined ? pinnedCell(t.cell) : sumOf(bounds.lo, t.atoms) === sumOf(bounds.hi, t.atoms);
      if (!linear.inSpan && !pinned) continue;
      const candidates = linear.inSpan ? linear.uses : pinningCells(t);
      const pick = candidates.filter((i) => state[i] === null).sort((a, b) => cost(a) - cost(b) || a - b)[0];
      if (pick !== undefined) toHide.add(pick);
    }
    if (toHide.size === 0) break;
    for (const i of toHide) hide(i);
  }
  const result = new Map<string, Protection>();
  cells.forEach((c, i) => state[i] && result.set(c.key, state[i]!));
  return result;
}
