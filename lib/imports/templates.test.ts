import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAttendanceFile } from "./attendance";
import { parseRosterFile } from "./roster";
import type { StudentDirectory } from "./student-directory";

// The templates the import pages offer for download (public/plantillas/) must import cleanly:
// a template the importer refuses would teach the wrong format.
const template = async (name: string) => ({
  fileName: name,
  bytes: new Uint8Array(await readFile(path.join(import.meta.dirname, "../../public/plantillas", name))),
});

describe("[IMPORT] the downloadable templates", () => {
  it("the roster template reads with every column known and no error", async () => {
    const parsed = await parseRosterFile(await template("padron.csv"));
    expect(parsed.issues.count).toBe(0);
    expect(parsed.records).toHaveLength(2);
    expect(parsed.records[0]).toMatchObject({ documentNumber: "71234567", grade: 1, section: "A", level: "SECONDARY" });
    // Every column of the template is one the importer knows.
    expect(parsed.present.size).toBe(17);
  });

  it("the attendance template reads as one row per student and day, with the four codes", async () => {
    const dir: StudentDirectory = {
      ids: ["a", "b"],
      groupOf: new Int32Array([0, 0]),
      groups: [{ grade: 1, section: "A" }],
      byNumber: new Map([
        ["71234567", 0],
        ["72345678", 1],
      ]),
      byTypedNumber: new Map(),
    };
    const parsed = await parseAttendanceFile(await template("asistencia.csv"), dir);
    expect(parsed.issues.count).toBe(0);
    expect(parsed.shape).toBe("long");
    expect(parsed.rowCount).toBe(4);
  });
});
