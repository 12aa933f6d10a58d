import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";

// Files bigger than one papaparse chunk (256 KB): rows cut by a chunk boundary, the error row
// numbers, stopping early and the turns of the event loop between chunks.
const ROWS = 30_000;
const big = (line: (i: number) => string) =>
  ["DNI;Fecha;Estado", ...Array.from({ length: ROWS }, (_, i) => line(i))].join("\r\n");
const line = (i: number) => `${40_000_000 + i};02/03/2026;P`;

describe("parseCsv over several chunks", () => {
  it("hands over every record whole, numbered as Excel numbers them", async () => {
    const rows: [number, string[]][] = [];
    const result = await parseCsv(big(line), ";", (cells, row) => void rows.push([row, cells]));
    expect(result).toEqual({ quoteErrorRow: null });
    expect(rows).toHaveLength(ROWS + 1);
    expect(rows.every(([row, cells], i) => row === i + 1 && cells.length === 3)).toBe(true);
    expect(rows.slice(1).every(([row, cells]) => cells[0] === String(40_000_000 + row - 2))).toBe(true);
  });

  it("reports the row of an unclosed quote in a later chunk", async () => {
    const text = big((i) => (i === 25_000 ? `"${line(i)}` : line(i)));
    expect(text.length).toBeGreaterThan(512 * 1024);
    const result = await parseCsv(text, ";", () => {});
    expect(result.quoteErrorRow).toBe(25_002);
  });

  it("stops when the handler returns false, and rejects with the handler's error", async () => {
    let seen = 0;
    await parseCsv(big(line), ";", (_, row) => (seen = row) < 20_000);
    expect(seen).toBe(20_000);
    await expect(
      parseCsv(big(line), ";", (_, row) => {
        if (row === 15_000) throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
  });

  it("lets the event loop run between chunks", async () => {
    let rowsWhenTimerRan = -1;
    let rows = 0;
    setImmediate(() => (rowsWhenTimerRan = rows));
    await parseCsv(big(line), ";", () => void rows++);
    expect(rowsWhenTimerRan).toBeGreaterThan(0);
    expect(rowsWhenTimerRan).toBeLessThan(rows);
  });
});
