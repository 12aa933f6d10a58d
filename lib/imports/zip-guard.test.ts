import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { declaredUncompressedSize, MAX_XLSX_UNCOMPRESSED_BYTES, xlsxExpansionProblem } from "./zip-guard";

const roster = new Uint8Array(readFileSync(new URL("../../tests/fixtures/files/roster.xlsx", import.meta.url)));

/** The same workbook with its first central-directory entry claiming `size` bytes unpacked. */
function withDeclaredSize(bytes: Uint8Array, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let i = copy.byteLength - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      const central = view.getUint32(i + 16, true);
      view.setUint32(central + 24, size, true);
      return copy;
    }
  }
  throw new Error("not a zip");
}

describe("[IMPORTS] XLSX expansion guard", () => {
  it("reads the declared sizes of a real workbook and lets it through", () => {
    const size = declaredUncompressedSize(roster);
    expect(size?.entries).toBeGreaterThan(3);
    expect(size!.total).toBeGreaterThan(roster.byteLength);
    expect(xlsxExpansionProblem(roster)).toBeNull();
  });

  it("refuses a workbook that would unpack past the limit, in Spanish", () => {
    const bomb = withDeclaredSize(roster, MAX_XLSX_UNCOMPRESSED_BYTES + 1);
    expect(xlsxExpansionProblem(bomb)).toBe(
      "El archivo XLSX es demasiado grande al descomprimirlo: expórtelo como CSV.",
    );
  });

  it("refuses bytes that are not a zip", () => {
    expect(declaredUncompressedSize(new TextEncoder().encode("DNI;Nombres\n12345678;Ana"))).toBeNull();
    expect(xlsxExpansionProblem(new Uint8Array(10))).toMatch(/No se pudo leer el archivo XLSX/);
  });
});
