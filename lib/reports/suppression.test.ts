import { describe, expect, it } from "vitest";
import { protectCells, type AtomSpec, type Protection, type ProtectedCell } from "./suppression";

// Each protected table is checked against an attacker who tries every possible table: every
// assignment of the atoms that agrees with what is printed (exact figures, "< 5" = 0–4,
// withheld = 5 or more). A small count is safe only if it can take at least two values.

type Table = { atoms: AtomSpec[]; cells: ProtectedCell[] };

/** All values each protected count can take among the tables consistent with what is printed. */
function attack(table: Table, hidden: Map<string, Protection>, max: number) {
  const { atoms, cells } = table;
  const n = atoms.length;
  const printed = cells.map((c) => {
    const h = hidden.get(c.key);
    const v = c.atoms.reduce((s, a) => s + atoms[a].value, 0);
    return {
      atoms: c.atoms,
      lo: h === "small" ? 0 : h === "withheld" ? 5 : v,
      hi: h === "small" ? 4 : h ? Infinity : v,
    };
  });
  const lastAtom = printed.map((p) => Math.max(...p.atoms));
  const seenAtom = atoms.map(() => new Set<number>());
  const seenCell = cells.map(() => new Set<number>());
  const x = new Array<number>(n).fill(0);
  const fits = (k: number) =>
    printed.every((p, i) => {
      if (lastAtom[i] !== k) return true;
      const s = p.atoms.reduce((acc, a) => acc + x[a], 0);
      return s >= p.lo && s <= p.hi;
    });
  const walk = (k: number) => {
    if (k === n) {
      x.forEach((v, i) => seenAtom[i].add(v));
      cells.forEach((c, i) => seenCell[i].add(c.atoms.reduce((s, a) => s + x[a], 0)));
      return;
    }
    for (let v = 0; v <= max; v++) {
      x[k] = v;
      if (fits(k)) walk(k + 1);
    }
  };
  walk(0);
  return { seenAtom, seenCell };
}

function expectSafe(table: Table, hidden: Map<string, Protection>, max = 14) {
  const { seenAtom, seenCell } = attack(table, hidden, max);
  table.atoms.forEach((a, i) => {
    if (a.protect !== "never" && a.value < 5 && (a.value > 0 || a.protect === "always"))
      expect(seenAtom[i].size, `atom ${i}`).toBeGreaterThan(1);
  });
  table.cells.forEach((c, i) => {
    if (hidden.get(c.key) === "small") expect(seenCell[i].size, c.key).toBeGreaterThan(1);
  });
}

/** A grade × sex table: interior cells, row totals, column totals and the grand total. */
function gradeBySex(values: [number, number][]): Table {
  const atoms = values.flat().map((value) => ({ value, protect: "always" as const }));
  const cells: ProtectedCell[] = [];
  const grades = values.map((_, g) => g);
  for (const g of grades) {
    cells.push({ key: `g${g}F`, atoms: [2 * g] }, { key: `g${g}M`, atoms: [2 * g + 1] });
    cells.push({ key: `g${g}T`, atoms: [2 * g, 2 * g + 1], parts: [[`g${g}F`, `g${g}M`]] });
  }
  cells.push({ key: "F", atoms: grades.map((g) => 2 * g), parts: [grades.map((g) => `g${g}F`)] });
  cells.push({ key: "M", atoms: grades.map((g) => 2 * g + 1), parts: [grades.map((g) => `g${g}M`)] });
  cells.push({
    key: "T",
    atoms: grades.flatMap((g) => [2 * g, 2 * g + 1]),
    parts: [grades.map((g) => `g${g}T`), ["F", "M"]],
  });
  return { atoms, cells };
}

describe("[REPORTS] complementary suppression", () => {
  it("hides nothing when every count is 5 or more", () => {
    const table = gradeBySex([
      [9, 7],
      [6, 12],
    ]);
    expect(protectCells(table.atoms, table.cells).size).toBe(0);
  });

  it("a small cell cannot be recomputed from its row, its column or the grand total", () => {
    const table = gradeBySex([
      [3, 10],
      [12, 9],
      [7, 8],
    ]);
    const hidden = protectCells(table.atoms, table.cells);
    expect(hidden.get("g0F")).toBe("small");
    // Simple suppression alone would leave g0F = g0T − g0M: something else in its row must go.
    expect(["g0M", "g0T"].some((k) => hidden.has(k))).toBe(true);
    expect(["F", "g1F", "g2F"].some((k) => hidden.get(k) === "withheld")).toBe(true);
    expectSafe(table, hidden);
    // The grand total is kept: hiding interior cells is enough here.
    expect(hidden.has("T")).toBe(false);
  });

  it("withholds more when the '< 5' bound itself would give a cell away (5 = 5 + 0)", () => {
    const table = gradeBySex([
      [5, 0],
      [8, 9],
    ]);
    const hidden = protectCells(table.atoms, table.cells);
    expect(hidden.get("g0M")).toBe("small");
    expectSafe(table, hidden);
  });

  it("protects an implied small group: a difference of two shown figures", () => {
    // A funnel: atoms are "reached this step and no further"; each step is a suffix sum.
    const atoms = [{ value: 12 }, { value: 9 }, { value: 2 }, { value: 7 }];
    const cells = [0, 1, 2, 3].map((k) => ({ key: `step${k}`, atoms: [0, 1, 2, 3].filter((a) => a >= k) }));
    const hidden = protectCells(atoms, cells);
    // step2 − step3 = 2 would be shown otherwise.
    expect(hidden.has("step2") || hidden.has("step3")).toBe(true);
    expect(hidden.has("step0")).toBe(false);
    expectSafe({ atoms, cells }, hidden, 31);
  });

  it("a funnel by school: nested steps per school, and each step's total over the schools", () => {
    let seed = 3;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let run = 0; run < 60; run++) {
      // Two schools × three atoms ("stopped at step k"), steps are suffix sums.
      const atoms = Array.from({ length: 6 }, () => ({ value: Math.floor(rand() * 9) }));
      const cells: ProtectedCell[] = [];
      for (const k of [0, 1, 2]) {
        // Each step sits inside the step before it (declared, like the reports do).
        const next = (col: string) => (k < 2 ? [`${col}:${k + 1}`] : []);
        for (const s of [0, 1])
          cells.push({
            key: `s${s}:${k}`,
            atoms: [0, 1, 2].filter((a) => a >= k).map((a) => 3 * s + a),
            contains: next(`s${s}`),
          });
        cells.push({
          key: `T:${k}`,
          atoms: [0, 1].flatMap((s) => [0, 1, 2].filter((a) => a >= k).map((a) => 3 * s + a)),
          parts: [[`s0:${k}`, `s1:${k}`]],
          contains: next("T"),
        });
      }
      const hidden = protectCells(atoms, cells);
      try {
        expectSafe({ atoms, cells }, hidden, 14);
      } catch (e) {
        throw new Error(`${JSON.stringify(atoms.map((a) => a.value))} ${JSON.stringify([...hidden])}: ${e}`);
      }
    }
  });

  it("an implied zero is left alone unless the report protects it", () => {
    const atoms = [{ value: 12 }, { value: 0 }, { value: 30 }];
    const cells = [
      { key: "all", atoms: [0, 1, 2] },
      { key: "some", atoms: [0, 2] },
    ];
    expect(protectCells(atoms, cells).size).toBe(0);
    const strict = protectCells([atoms[0], { value: 0, protect: "always" as const }, atoms[2]], cells);
    expect(strict.size).toBeGreaterThan(0);
    // A count that describes no child (answers left unknown) may be worked out at any size.
    expect(protectCells([atoms[0], { value: 2, protect: "never" as const }, atoms[2]], cells).size).toBe(0);
  });

  it("a figure printed in several places is hidden everywhere at once", () => {
    const atoms = [{ value: 2 }, { value: 20 }, { value: 2 }, { value: 20 }];
    const cells: ProtectedCell[] = [
      { key: "n-a", atoms: [0, 1], group: "n" },
      { key: "present-a", atoms: [1] },
      { key: "n-b", atoms: [2, 3], group: "n" },
      { key: "present-b", atoms: [3] },
    ];
    const hidden = protectCells(atoms, cells);
    expect(hidden.has("n-a")).toBe(hidden.has("n-b"));
    expectSafe({ atoms, cells }, hidden, 30);
  });

  it("is safe across many random grade × sex tables", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let run = 0; run < 150; run++) {
      const spread = run % 2 ? 12 : 8;
      const table = gradeBySex(
        Array.from({ length: 3 }, () => [Math.floor(rand() * spread), Math.floor(rand() * spread)] as [number, number]),
      );
      const hidden = protectCells(table.atoms, table.cells);
      try {
        expectSafe(table, hidden, 24);
      } catch (e) {
        throw new Error(`${JSON.stringify(table.atoms.map((a) => a.value))} ${JSON.stringify([...hidden])}: ${e}`);
      }
    }
  });
});
