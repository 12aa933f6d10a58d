import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText } from "./decode";

describe("decodeText", () => {
  it("drops a UTF-8 BOM", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Sección;Año")]);
    expect(decodeText(bytes)).toEqual({ text: "Sección;Año", encoding: "utf-8", hadBom: true });
  });

  it("reads UTF-8 without a BOM", () => {
    expect(decodeText(new TextEncoder().encode("Peña Núñez"))).toMatchObject({ text: "Peña Núñez", encoding: "utf-8" });
  });

  it("falls back to Windows-1252 when the bytes are not valid UTF-8 (ñ, tildes, °)", () => {
    const bytes = iconv.encode("N°;PEÑA;José Ángel;Perú", "win1252");
    expect(bytes.includes(0xd1)).toBe(true); // Ñ: one byte, never valid UTF-8 on its own
    expect(decodeText(bytes)).toEqual({ text: "N°;PEÑA;José Ángel;Perú", encoding: "windows-1252", hadBom: false });
  });

  it("reads UTF-16 with a BOM (Excel's 'Texto Unicode')", () => {
    const body = Buffer.from("DNI\tNombres\r\n01234567\tÑusta", "utf16le");
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...body]))).toMatchObject({
      text: "DNI\tNombres\r\n01234567\tÑusta",
      encoding: "utf-16le",
    });
  });
});
