import { describe, expect, it } from "vitest";
import { parseAttendanceStatus } from "../attendance/status-codes";
import { normalizeKey } from "./normalize";
import { parseDate, parseDocumentNumber, parseDocumentType, parseGrade, parseSection, parseSex } from "./values";

describe("normalizeKey", () => {
  it("ignores case, accents, spaces and punctuation", () => {
    expect(normalizeKey("Fecha de Nacimiento")).toBe("fechadenacimiento");
    expect(normalizeKey("FECHA_DE_NACIMIENTO")).toBe("fechadenacimiento");
    expect(normalizeKey(" Teléfono del Apoderado ")).toBe("telefonodelapoderado");
    expect(normalizeKey("N°")).toBe("n");
  });
});

describe("parseDocumentNumber", () => {
  it("restores the leading zeros Excel drops from a DNI (5–7 digits)", () => {
    expect(parseDocumentNumber("DNI", "1234567").value).toBe("01234567");
    expect(parseDocumentNumber("DNI", "12345").value).toBe("00012345");
    expect(parseDocumentNumber("DNI", "1234567.0").value).toBe("01234567");
    expect(parseDocumentNumber("DNI", "1.234567E+06").value).toBe("01234567");
    expect(parseDocumentNumber("DNI", "'01234567").value).toBe("01234567");
    expect(parseDocumentNumber("DNI", " 7654 3210 ").value).toBe("76543210");
  });

  it("refuses DNIs that are not 8 digits or not numeric", () => {
    expect(parseDocumentNumber("DNI", "1234").error).toBe("El DNI «1234» debe tener 8 dígitos.");
    expect(parseDocumentNumber("DNI", "123456789").error).toBe("El DNI «123456789» debe tener 8 dígitos.");
    expect(parseDocumentNumber("DNI", "12AB5678").error).toBe("El DNI «12AB5678» solo debe tener dígitos.");
  });

  it("keeps carné de extranjería and SIAGIE codes as written (no padding)", () => {
    expect(parseDocumentNumber("CE", "001234567").value).toBe("001234567");
    expect(parseDocumentNumber("CE", "ab-12345").value).toBe("AB12345");
    expect(parseDocumentNumber("CODIGO", "12345678901234").value).toBe("12345678901234");
    expect(parseDocumentNumber("CODIGO", "12").error).toMatch(/entre 5 y 20/);
  });
});

describe("parseDocumentType", () => {
  it("reads the usual spellings and leaves a blank cell to inference", () => {
    expect(parseDocumentType("D.N.I.").value).toBe("DNI");
    expect(parseDocumentType("Carné de Extranjería").value).toBe("CE");
    expect(parseDocumentType("Código SIAGIE").value).toBe("CODIGO");
    expect(parseDocumentType("SIN DOCUMENTO").value).toBe("NONE");
    expect(parseDocumentType("  ").value).toBeNull();
    expect(parseDocumentType("Pasaporte").error).toMatch(/no reconocido/);
  });
});

describe("parseDate", () => {
  it("reads dd/mm/yyyy, d/m/yyyy, ISO and Excel serials", () => {
    expect(parseDate("05/03/2012").value).toBe("2012-03-05");
    expect(parseDate("5/3/2012").value).toBe("2012-03-05");
    expect(parseDate("05-03-2012").value).toBe("2012-03-05");
    expect(parseDate("2012-03-05").value).toBe("2012-03-05");
    expect(parseDate("40973").value).toBe("2012-03-05");
  });

  it("refuses impossible days and two-digit years with a Spanish reason", () => {
    expect(parseDate("31/02/2010").error).toBe("Fecha «31/02/2010» no válida: use dd/mm/aaaa.");
    expect(parseDate("05/03/12").error).toBe("Fecha «05/03/12» con año de 2 dígitos: use dd/mm/aaaa.");
    expect(parseDate("03/15/2012").error).toMatch(/no válida/);
  });
});

describe("parseGrade, parseSex, parseSection", () => {
  it.each([
    ["1", 1],
    ["1°", 1],
    ["1º", 1],
    ["1ro", 1],
    ["1er grado", 1],
    ["primero", 1],
    ["Segundo", 2],
    ["2do", 2],
    ["3ro", 3],
    ["tercero", 3],
    ["4to", 4],
    ["Cuarto Grado", 4],
    ["5to", 5],
    ["5° sec.", 5],
    ["QUINTO", 5],
    ["IV", 4],
  ])("grade %s → %i", (text, grade) => {
    expect(parseGrade(text).value).toBe(grade);
  });

  it("refuses unknown grades", () => {
    expect(parseGrade("9").error).toMatch(/Grado «9» no reconocido/);
    expect(parseGrade("séptimo").error).toMatch(/no reconocido/);
  });

  it("reads M/F and the words", () => {
    expect(["M", "m", "Masculino", "HOMBRE", "varón"].map((s) => parseSex(s).value)).toEqual(["M", "M", "M", "M", "M"]);
    expect(["F", "femenino", "Mujer"].map((s) => parseSex(s).value)).toEqual(["F", "F", "F"]);
    expect(parseSex("X").error).toMatch(/use M o F/);
  });

  it("upper-cases sections", () => {
    expect(parseSection(" a ").value).toBe("A");
    expect(parseSection("Sección B").value).toBe("B");
    expect(parseSection("").error).toBe("Falta la sección.");
  });
});

describe("parseAttendanceStatus", () => {
  it("reads P/T/F/J and the Spanish words, ignoring case and accents", () => {
    expect(["P", "p", "Presente"].map(parseAttendanceStatus)).toEqual(["PRESENT", "PRESENT", "PRESENT"]);
    expect(["T", "tardanza"].map(parseAttendanceStatus)).toEqual(["LATE", "LATE"]);
    expect(["F", "Falta", "falta injustificada", "I"].map(parseAttendanceStatus)).toEqual([
      "UNJUSTIFIED",
      "UNJUSTIFIED",
      "UNJUSTIFIED",
      "UNJUSTIFIED",
    ]);
    expect(["J", "Falta justificada", "JUSTIFICADA"].map(parseAttendanceStatus)).toEqual([
      "JUSTIFIED",
      "JUSTIFIED",
      "JUSTIFIED",
    ]);
    expect(parseAttendanceStatus("X")).toBeNull();
    expect(parseAttendanceStatus("")).toBeNull();
  });
});
