import { describe, expect, it } from "vitest";
import { AttendanceRows } from "./attendance-rows";

describe("AttendanceRows.studentOrder", () => {
  it("groups the records by student in the given order of students, each student's records in file order", () => {
    const rows = new AttendanceRows(4, 1, 8);
    const [d1, d2, d3] = ["2026-03-02", "2026-03-03", "2026-03-04"].map((d) => rows.dateIndex(d));
    // File order: day by day; student 3 has no record.
    rows.add(0, d1, 0, 2);
    rows.add(1, d1, 1, 3);
    rows.add(2, d1, 2, 4);
    rows.add(2, d3, 0, 5);
    rows.add(0, d2, 3, 6);
    rows.add(1, d2, 0, 7);
    // Database order of the ids: 2, 0, 1 (3 absent).
    const position = [1, 2, 0, 3];
    const order = rows.studentOrder((a, b) => position[a] < position[b]);
    expect(Array.from(order, (i) => [rows.student[i], rows.dates[rows.date[i]]])).toEqual([
      [2, "2026-03-02"],
      [2, "2026-03-04"],
      [0, "2026-03-02"],
      [0, "2026-03-03"],
      [1, "2026-03-02"],
      [1, "2026-03-03"],
    ]);
  });

  it("compares only the students present", () => {
    const rows = new AttendanceRows(50_000, 1, 4);
    const d = rows.dateIndex("2026-03-02");
    rows.add(40_000, d, 0, 2);
    rows.add(7, d, 0, 3);
    const seen = new Set<number>();
    const order = rows.studentOrder((a, b) => (seen.add(a).add(b), a > b));
    expect([...seen].sort((a, b) => a - b)).toEqual([7, 40_000]);
    expect(Array.from(order, (i) => rows.student[i])).toEqual([40_000, 7]);
  });
});
