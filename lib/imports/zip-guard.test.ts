import { readFileSync } from "node:fs";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { readTable } from "./table";
import {
  declaredUncompressedSize,
  inflatedTotal,
  MAX_XLSX_UNCOMPRESSED_BYTES,
  xlsxExpansionProblem,
} from "./zip-guard";

const roster = new Uint8Array(readFileSync(new URL("../../tests/fixtures/files/roster.xlsx", import.meta.url)));
const TOO_LARGE = "El archivo XLSX es demasiado grande al descomprimirlo: expórtelo como CSV.";

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

/**
 * A zip whose entries' headers lie: each claims `declared` bytes unpacked while its deflated
 * data unpacks to `actual` bytes of zeros (the classic bomb, ~1000:1).
 */
function lyingZip(entries: { name: string; actual: number; declared: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = zlib.deflateRawSync(Buffer.alloc(e.actual), { level: 9 });
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(data.byteLength, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.byteLength, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.byteLength + name.byteLength + data.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

describe("[IMPORTS] XLSX expansion guard", () => {
  it("reads a real workbook's sizes, inflates it, and lets it through", async () => {
    const size = declaredUncompressedSize(roster);
    expect(size?.entries).toBeGreaterThan(3);
    expect(size!.total).toBeGreaterThan(roster.byteLength);
    expect(await inflatedTotal(roster)).toBe(size!.total);
    expect(await xlsxExpansionProblem(roster)).toBeNull();
  });

  it("refuses a workbook that declares more than the limit, in Spanish", async () => {
    const bomb = withDeclaredSize(roster, MAX_XLSX_UNCOMPRESSED_BYTES + 1);
    expect(await xlsxExpansionProblem(bomb)).toBe(TOO_LARGE);
    // And the import path refuses it before the XLSX reader ever sees it.
    let rows = 0;
    const read = await readTable(
      { fileName: "nomina.xlsx", bytes: bomb },
      { isHeader: () => true, onHeader: () => {}, onRow: () => void rows++ },
    );
    expect(read).toEqual({ ok: false, issue: { row: 0, column: "", message: TOO_LARGE } });
    expect(rows).toBe(0);
  });

  it("[IMPORTS] refuses an archive whose declared sizes lie, by the bytes it really inflates to", async () => {
    // 420 MB of zeros in a ~400 KB file that says it holds 1 KB: the declared sizes pass.
    const bomb = lyingZip([
      { name: "[Content_Types].xml", actual: 1000, declared: 1000 },
      { name: "xl/worksheets/sheet1.xml", actual: 420 * 1024 * 1024, declared: 1000 },
    ]);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(declaredUncompressedSize(bomb)?.total).toBe(2000);
    expect(await xlsxExpansionProblem(bomb)).toBe(TOO_LARGE);
  });

  it("[IMPORTS] the cap is on the total across entries, not per entry", async () => {
    const split = lyingZip([
      { name: "a.xml", actual: 600_000, declared: 10 },
      { name: "b.xml", actual: 600_000, declared: 10 },
    ]);
    expect(await inflatedTotal(split, 1_000_000)).toBe("tooLarge");
    expect(await inflatedTotal(split, 1_300_000)).toBe(1_200_000);
    expect(await xlsxExpansionProblem(split, 1_000_000)).toBe(TOO_LARGE);
  });

  it("refuses bytes that are not a zip, and a corrupt deflate stream", async () => {
    expect(declaredUncompressedSize(new TextEncoder().encode("DNI;Nombres\n12345678;Ana"))).toBeNull();
    expect(await xlsxExpansionProblem(new Uint8Array(10))).toMatch(/No se pudo leer el archivo XLSX/);
    const corrupt = lyingZip([{ name: "a.xml", actual: 5000, declared: 5000 }]);
    corrupt.fill(0xff, 40, 60); // inside the deflated data
    expect(await inflatedTotal(corrupt)).toBe("unreadable");
  });
});
