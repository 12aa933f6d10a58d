import { describe, expect, it } from "vitest";
import { parseAttendanceFile } from "./attendance";
import { STATUSES } from "./attendance-rows";
import type { StudentDirectory } from "./student-directory";

// Three students: a DNI that lost its zero in Excel, a plain DNI, and a CE sharing a number
// with nobody; sections 1°A and 2°B.
const dir: StudentDirectory = {
  ids: ["s-0", "s-1", "s-2"],
  groupOf: new Int32Array([0, 0, 1]),
  groups: [
    { grade: 1, section: "A" },
    { grade: 2, section: "B" },
  ],
  byNumber: new Map([
    ["01234567", 0],
    ["71234568", 1],
    ["001234567", 2],
  ]),
  byTypedNumber: new Map([
    ["DNI:01234567", 0],
    ["DNI:71234568", 1],
    ["CE:001234567", 2],
  ]),
};
const file = (lines: string[]) => ({ fileName: "asistencia.csv", bytes: new TextEncoder().encode(lines.join("\r\n")) });
const records = (p: Awaited<ReturnType<typeof parseAttendanceFile>>) =>
  Array.from({ length: p.rows.count }, (_, i) => [
    dir.ids[p.rows.student[i]],
    p.rows.dates[p.rows.date[i]],
    STATUSES[p.rows.status[i]],
  ]);

describe("parseAttendanceFile: long shape", () => {
  it("resolves mangled DNIs, reads dd/mm/yyyy and codes or words, skips blank rows", async () => {
    const p = await parseAttendanceFile(
      file([
        "DNI;Fecha;Estado",
        "1234567;02/03/2026;P",
        ";;",
        "71234568;02/03/2026;Falta justificada",
        "001234567;2026-03-03;tardanza",
        ";;",
      ]),
      dir,
    );
    expect(p.issues.toArray()).toEqual([]);
    expect(p.shape).toBe("long");
    expect(records(p)).toEqual([
      ["s-0", "2026-03-02", "PRESENT"],
      ["s-1", "2026-03-02", "JUSTIFIED"],
      ["s-2", "2026-03-03", "LATE"],
    ]);
    expect(p.rows.sectionDays()).toEqual([
      { group: 0, date: "2026-03-02" },
      { group: 1, date: "2026-03-03" },
    ]);
  });

  it("reports unknown documents, bad dates, unknown codes and duplicates per row", async () => {
    const p = await parseAttendanceFile(
      file([
        "Número de documento,Fecha,Estado",
        "99999999,02/03/2026,P",
        "71234568,30/02/2026,P",
        "71234568,03/03/2026,Z",
        "71234568,04/03/2026,P",
        "71234568,04/03/2026,F",
        ",04/03/2026,F",
      ]),
      dir,
    );
    expect(p.issues.toArray()).toEqual([
      {
        row: 2,
        column: "Número de documento",
        message: "Documento 99999999 no pertenece a un estudiante de este colegio.",
      },
      { row: 3, column: "Fecha", message: "Fecha «30/02/2026» no válida: use dd/mm/aaaa." },
      {
        row: 4,
        column: "Estado",
        message:
          "Estado «Z» no reconocido: use P (presente), T (tardanza), F (falta injustificada) o J (falta justificada).",
      },
      {
        row: 6,
        column: "Número de documento",
        message: "El estudiante 71234568 tiene dos registros para el 04/03/2026: filas 5 y 6.",
      },
      { row: 7, column: "Número de documento", message: "Falta el número de documento." },
    ]);
  });

  it("refuses future dates", async () => {
    const p = await parseAttendanceFile(file(["DNI;Fecha;Estado", "71234568;01/01/2099;P"]), dir);
    expect(p.issues.toArray()[0].message).toBe(
      "La fecha 01/01/2099 es futura: no se registra asistencia de días que aún no pasan.",
    );
  });
});

describe("parseAttendanceFile: monthly grid", () => {
  const grid = [
    "N°;DNI;Estudiante;1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21;22;23;24;25;26;27;28;29;30;31",
  ];

  it("reads one column per day, an empty cell meaning no class", async () => {
    const p = await parseAttendanceFile(
      file([...grid, "1;1234567;Peña;;P;F;;J;" + ";".repeat(25), "2;71234568;Quispe;;p;;;;T" + ";".repeat(25)]),
      dir,
      { month: "2026-03" },
    );
    expect(p.issues.toArray()).toEqual([]);
    expect(p.shape).toBe("grid");
    expect(records(p)).toEqual([
      ["s-0", "2026-03-02", "PRESENT"],
      ["s-0", "2026-03-03", "UNJUSTIFIED"],
      ["s-0", "2026-03-05", "JUSTIFIED"],
      ["s-1", "2026-03-02", "PRESENT"],
      ["s-1", "2026-03-06", "LATE"],
    ]);
  });

  it("accepts 01…31 headers and refuses days the month does not have", async () => {
    const header = "DNI;" + Array.from({ length: 31 }, (_, i) => String(i + 1).padStart(2, "0")).join(";");
    const cells = Array.from({ length: 31 }, (_, i) => (i === 29 ? "P" : ""));
    const p = await parseAttendanceFile(file([header, `71234568;${cells.join(";")}`]), dir, { month: "2026-02" });
    expect(p.issues.toArray()).toEqual([{ row: 2, column: "30", message: "El mes 2026-02 no tiene día 30." }]);
  });

  it("needs the month", async () => {
    const p = await parseAttendanceFile(file([...grid, "1;1234567;Peña;P"]), dir);
    expect(p.issues.toArray()).toEqual([
      {
        row: 1,
        column: "",
        message: "El archivo tiene una columna por día: indique el mes como AAAA-MM (por ejemplo 2026-03).",
      },
    ]);
  });
});
