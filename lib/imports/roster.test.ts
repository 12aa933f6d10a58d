import { readFile } from "node:fs/promises";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { buildRosterXlsx } from "../../tests/fixtures/files/roster-xlsx";
import { parseRosterFile } from "./roster";

const FILES = path.join(import.meta.dirname, "../../tests/fixtures/files");
const fixture = async (name: string) =>
  parseRosterFile({ fileName: name, bytes: await readFile(path.join(FILES, name)) });
const text = (csv: string, encoding: "utf-8" | "win1252" = "utf-8") =>
  parseRosterFile({
    fileName: "nomina.csv",
    bytes: encoding === "utf-8" ? new TextEncoder().encode(csv) : iconv.encode(csv, "win1252"),
  });

const HEADER = "DNI;Apellido paterno;Apellido materno;Nombres;Sexo;Fecha de nacimiento;Grado;Sección";

describe("parseRosterFile: encodings and separators", () => {
  it("reads a Windows-1252 ';' file with a title row, N° column, mangled DNI and blank trailing rows", async () => {
    const r = await fixture("roster-windows-1252.csv");
    expect(r.info).toEqual({ format: "csv", encoding: "windows-1252", delimiter: ";" });
    expect(r.issues.toArray()).toEqual([]);
    expect(r.rowCount).toBe(6);
    expect(r.records[0]).toMatchObject({
      row: 3,
      documentType: "DNI",
      documentNumber: "07654321",
      paternalSurname: "PEÑA",
      maternalSurname: "NÚÑEZ",
      givenNames: "JOSÉ ÁNGEL",
      sex: "M",
      birthDate: "2012-03-05",
      grade: 1,
      section: "A",
      addressReference: "Frente al mercado Unión",
    });
    expect(r.records.map((s) => s.documentType)).toEqual(["DNI", "DNI", "CE", "NONE", "DNI", "DNI"]);
    expect(r.records[3]).toMatchObject({ documentNumber: null, givenNames: "LUIS ÑAHUI", grade: 4 });
  });

  it("reads a UTF-8 file with a BOM, ',' separators and quoted commas and quotes", async () => {
    const r = await fixture("roster-utf8-bom.csv");
    expect(r.info).toEqual({ format: "csv", encoding: "utf-8", delimiter: "," });
    expect(r.issues.toArray()).toEqual([]);
    expect(r.records[0]).toMatchObject({
      paternalSurname: "Huamán",
      addressStreet: "Av. Perú 123, Mz. B",
      guardianPhone: "912345678",
    });
    expect(r.records[1]).toMatchObject({ documentType: "CODIGO", documentNumber: "12345678901234" });
    expect(r.records[3]).toMatchObject({ documentType: "NONE", addressStreet: 'Calle "Las Flores" 10' });
    // The BOM must not stick to the first header.
    expect(r.present.has("documentType")).toBe(true);
  });

  it("gives the same records for the same content in UTF-8 and Windows-1252", async () => {
    const csv = `${HEADER}\n7654321;Peña;Ñique;José;M;05/03/2012;1°;a\n`;
    const [utf8, cp1252] = [await text(csv), await text(csv, "win1252")];
    expect(cp1252.records).toEqual(utf8.records);
    expect(utf8.records[0]).toMatchObject({
      documentNumber: "07654321",
      paternalSurname: "Peña",
      birthDate: "2012-03-05",
      grade: 1,
      section: "A",
    });
  });

  it("reads an XLSX: numbers as DNIs, date cells, formulas and rich text", async () => {
    const r = await parseRosterFile({ fileName: "nomina.xlsx", bytes: await buildRosterXlsx() });
    expect(r.info?.format).toBe("xlsx");
    expect(r.issues.toArray()).toEqual([]);
    expect(r.records.map((s) => [s.row, s.documentNumber, s.birthDate, s.grade, s.section])).toEqual([
      [3, "06543210", "2011-05-20", 2, "A"],
      [4, "76543210", "2012-01-31", 2, "B"],
      [5, null, "2010-12-01", 5, "A"],
    ]);
    expect(r.records[2].paternalSurname).toBe("Ccorihuaman");
    expect(r.records[0].guardianPhone).toBe("956789012");
  });
});

describe("parseRosterFile: headers and rows", () => {
  it("matches headers ignoring case, accents and punctuation and ignores unknown columns", async () => {
    const r = await text(
      "N°;NUMERO_DE_DOCUMENTO;APELLIDO PATERNO;apellido materno;NOMBRES;sexo;FECHA NACIMIENTO;grado;SECCION;Observaciones;Religión\n1;70000001;Díaz;Ruiz;Ana;F;01/01/2011;2;B;ninguna;católica\n",
    );
    expect(r.issues.toArray()).toEqual([]);
    expect([...r.present].sort()).toEqual([
      "birthDate",
      "documentNumber",
      "givenNames",
      "grade",
      "maternalSurname",
      "paternalSurname",
      "section",
      "sex",
    ]);
    expect(r.records[0]).toMatchObject({ documentNumber: "70000001", section: "B" });
  });

  it("reports missing required columns and repeated columns on the header row", async () => {
    const r = await text("DNI;Apellido paterno;Nombres;Nombre;Grado\n70000001;Díaz;Ana;Ana;2\n");
    expect(r.issues.toArray()).toEqual([
      { row: 1, column: "Nombre", message: "La columna «Nombre» repite «Nombres»: deje solo una." },
      { row: 1, column: "sexo", message: "Falta la columna obligatoria «sexo»." },
      { row: 1, column: "sección", message: "Falta la columna obligatoria «sección»." },
    ]);
    expect(r.records).toEqual([]);
  });

  it("refuses a file without a recognisable header", async () => {
    const r = await text("a;b;c\n1;2;3\n");
    expect(r.issues.toArray()).toEqual([
      { row: 0, column: "", message: expect.stringMatching(/No se encontró la fila de encabezados/) },
    ]);
  });

  it("skips blank rows anywhere but keeps Excel's row numbers", async () => {
    const r = await text(
      `${HEADER}\n;;;;;;;\n70000001;Díaz;Ruiz;Ana;F;01/01/2011;2;B\n\n   ;  ;;;;;;\n70000002;Paz;;Luis;M;;3;A\n;;;;;;;\n`,
    );
    expect(r.issues.toArray()).toEqual([]);
    expect(r.records.map((s) => s.row)).toEqual([3, 6]);
    expect(r.rowCount).toBe(2);
  });

  it("reports each bad cell with its row and the header as written", async () => {
    const r = await text(`${HEADER}\n1234;Díaz;Ruiz;Ana;X;31/02/2011;7;B\n70000002;;Paz;Luis;M;01/01/2011;;A\n`);
    expect(r.issues.toArray()).toEqual([
      { row: 2, column: "DNI", message: "El DNI «1234» debe tener 8 dígitos." },
      { row: 2, column: "Sexo", message: "Sexo «X» no reconocido: use M o F (hombre o mujer)." },
      { row: 2, column: "Fecha de nacimiento", message: "Fecha «31/02/2011» no válida: use dd/mm/aaaa." },
      { row: 2, column: "Grado", message: "Grado «7» no reconocido: use 1 a 5 (1°, 1ro, primero…)." },
      { row: 3, column: "Grado", message: "Falta el grado." },
      { row: 3, column: "Apellido paterno", message: "Falta el apellido paterno." },
    ]);
  });

  it("reports duplicate documents (also after restoring zeros) and duplicate undocumented students, naming both rows", async () => {
    const r = await text(
      [
        "Tipo de documento;DNI;Apellido paterno;Apellido materno;Nombres;Sexo;Fecha de nacimiento;Grado;Sección",
        "DNI;1234567;Palma;Soriano;Ricardo;M;07/02/2010;4;B",
        "SIN DOCUMENTO;;Chávez;Ibáñez;Luis;M;15/08/2010;4;A",
        "DNI;01234567;Palma;Soriano;Ricardo;M;07/02/2010;4;B",
        "SIN DOCUMENTO;;CHAVEZ;IBAÑEZ;LUIS;M;15/08/2010;4;A",
      ].join("\n"),
    );
    expect(r.issues.toArray()).toEqual([
      { row: 4, column: "DNI", message: "El documento DNI 01234567 está repetido en las filas 2 y 4." },
      {
        row: 5,
        column: "Nombres",
        message: "El estudiante sin documento CHAVEZ IBAÑEZ LUIS está repetido en las filas 3 y 5.",
      },
    ]);
  });

  it("requires a birth date for a student without a document, and no number", async () => {
    const r = await text(
      "Tipo de documento;DNI;Apellido paterno;Nombres;Sexo;Grado;Sección\nSIN DOCUMENTO;;Paz;Luis;M;3;A\nSIN DOCUMENTO;70000001;Paz;Ana;F;3;A\n",
    );
    expect(r.issues.toArray().map((i) => [i.row, i.message])).toEqual([
      [2, "Un estudiante sin documento necesita fecha de nacimiento."],
      [3, "Un estudiante sin documento no lleva número de documento."],
      [3, "Un estudiante sin documento necesita fecha de nacimiento."],
    ]);
  });
});
