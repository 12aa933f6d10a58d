import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importAttendance, previewAttendanceImport } from "../../lib/attendance/import-attendance";
import type { SessionUser } from "../../lib/auth/types";
import { AppError } from "../../lib/errors/app-error";
import { todayInLima } from "../../lib/format/date";
import { parseAttendanceFile } from "../../lib/imports/attendance";
import { insertStagedAsNew, openAttendanceStage, stageAttendance } from "../../lib/imports/attendance-merge";
import { inTransaction, withPgClient } from "../../lib/imports/pg";
import { loadStudentDirectory } from "../../lib/imports/student-directory";
import { importRosterForSchool } from "../../lib/system/import-roster-core";
import { run as runImportAttendance } from "../../scripts/cli/import-attendance";
import { run as runImportRoster } from "../../scripts/cli/import-roster";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const FILES = path.join(import.meta.dirname, "../fixtures/files");
const file = async (name: string) => ({ fileName: name, bytes: await readFile(path.join(FILES, name)) });
const WEB = { via: "web" as const, ip: "127.0.0.1", userAgent: "vitest" };
const csv = (lines: string[]) => ({ fileName: "asistencia.csv", bytes: new TextEncoder().encode(lines.join("\n")) });

let t: TestDatabase;
let schoolA: { id: string; codigoModular: string; name: string };
let schoolB: { id: string; codigoModular: string; name: string };
let director: SessionUser;
let directorB: SessionUser;

function sessionUser(id: string, schoolIds: string[]): SessionUser {
  return {
    id,
    email: `${id}@test.pe`,
    name: "Director",
    role: "DIRECTOR",
    locale: "es",
    schoolIds,
    agencyId: null,
    agencyType: null,
  };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const attendanceCount = (schoolId: string) => t.db.attendance.count({ where: { schoolId } });
const statusOf = async (document: string, day: string) =>
  (
    await t.db.attendance.findFirst({
      where: { student: { documentNumber: document }, date: new Date(`${day}T00:00:00Z`) },
    })
  )?.status;

beforeAll(async () => {
  t = await createTestDatabase();
  const place = { region: "La Libertad", province: "Trujillo", district: "Trujillo" };
  schoolA = await t.db.school.create({ data: { codigoModular: "1000001", name: "IE Trujillo A", ...place } });
  schoolB = await t.db.school.create({ data: { codigoModular: "1000002", name: "IE Trujillo B", ...place } });
  const mk = async (email: string, schoolId: string) =>
    sessionUser(
      (
        await t.db.user.create({
          data: { email, name: email, passwordHash: "x", role: "DIRECTOR", schools: { create: { schoolId } } },
        })
      ).id,
      [schoolId],
    );
  director = await mk("director@test.pe", schoolA.id);
  directorB = await mk("director.b@test.pe", schoolB.id);
  await importRosterForSchool(schoolA, null, await file("roster-windows-1252.csv"), { via: "cli" });
});
afterAll(async () => {
  await t.drop();
});

describe("[ATTENDANCE] import", () => {
  it("imports the long file (Excel-mangled DNIs, codes and words), records the school days, and a re-import changes nothing", async () => {
    const input = { schoolCode: "1000001", ...(await file("attendance-long.csv")) };
    const preview = await previewAttendanceImport(director, input);
    expect(preview).toMatchObject({
      shape: "long",
      rows: 25,
      toInsert: 25,
      toUpdate: 0,
      unchanged: 0,
      days: 5,
      errors: [],
    });
    expect(await attendanceCount(schoolA.id)).toBe(0);

    expect(await importAttendance(director, input, WEB)).toEqual({
      inserted: 25,
      updated: 0,
      unchanged: 0,
      days: 5,
      errors: [],
    });
    expect(await statusOf("07654321", "2026-03-03")).toBe("LATE");
    expect(await statusOf("001234567", "2026-03-03")).toBe("PRESENT");
    expect(await statusOf("70011223", "2026-03-04")).toBe("JUSTIFIED");
    expect(await statusOf("71234568", "2026-03-05")).toBe("UNJUSTIFIED");
    // Sections 1°A, 2°B, 3°A and 5°C had class on 5 days.
    expect(await t.db.attendanceDay.count({ where: { schoolId: schoolA.id } })).toBe(20);
    const recorded = await t.db.attendance.findFirstOrThrow({ where: { schoolId: schoolA.id } });
    expect(recorded.recordedById).toBe(director.id);

    expect(await importAttendance(director, input, WEB)).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 25,
      days: 5,
      errors: [],
    });
    expect(await previewAttendanceImport(director, input)).toMatchObject({ toInsert: 0, toUpdate: 0, unchanged: 25 });
  });

  it("a monthly grid with --month replaces the days it covers and skips blank (no class) cells", async () => {
    const input = { schoolCode: "1000001", month: "2026-03", ...(await file("attendance-grid-2026-03.csv")) };
    // 22 school days in March 2026 × 5 students; days 2–6 already stored: 25 rows, 2 of them different.
    const preview = await previewAttendanceImport(director, input);
    expect(preview).toMatchObject({
      shape: "grid",
      rows: 5,
      toInsert: 85,
      toUpdate: 2,
      unchanged: 23,
      days: 22,
      errors: [],
    });
    expect(await importAttendance(director, input, WEB)).toEqual({
      inserted: 85,
      updated: 2,
      unchanged: 23,
      days: 22,
      errors: [],
    });
    expect(await statusOf("70011223", "2026-03-03")).toBe("PRESENT");
    expect(await statusOf("72345679", "2026-03-04")).toBe("PRESENT");
    expect(await statusOf("71234568", "2026-03-10")).toBe("UNJUSTIFIED");
    expect(await statusOf("07654321", "2026-03-07")).toBeUndefined();
    expect(await attendanceCount(schoolA.id)).toBe(110);
  });

  it("the direct insert steps back to its savepoint when a row already exists, leaving the transaction usable", async () => {
    const before = await attendanceCount(schoolA.id);
    await withPgClient((client) =>
      inTransaction(client, async () => {
        const dir = await loadStudentDirectory(client, schoolA.id);
        const parsed = await parseAttendanceFile(
          csv(["DNI;Fecha;Estado", "72345679;01/04/2026;P", "72345679;02/03/2026;F"]),
          dir,
        );
        expect(parsed.issues.isEmpty).toBe(true);
        await openAttendanceStage(client);
        await stageAttendance(client, parsed.rows, dir);
        expect(await insertStagedAsNew(client, schoolA.id, null)).toBeNull();
        expect((await client.query("SELECT count(*)::int AS n FROM attendance")).rows[0].n).toBe(before);
      }),
    );
    expect(await statusOf("72345679", "2026-04-01")).toBeUndefined();
    expect(await statusOf("72345679", "2026-03-02")).toBe("PRESENT");
  });

  it("a grid without the month is refused", async () => {
    const error = await caught(
      importAttendance(director, { schoolCode: "1000001", ...(await file("attendance-grid-2026-03.csv")) }, WEB),
    );
    expect(error.issues[0].message).toMatch(/indique el mes como AAAA-MM/);
  });

  it("a file with one unknown document, a future date or an unknown code writes nothing", async () => {
    const before = [await attendanceCount(schoolA.id), await t.db.auditLog.count()];
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10).split("-").reverse().join("/");
    const input = {
      schoolCode: "1000001",
      ...csv([
        "DNI;Fecha;Estado",
        "72345679;09/03/2026;F",
        "99999999;09/03/2026;P",
        `72345679;${tomorrow};P`,
        "70011223;09/03/2026;X",
        "70011223;10/03/2026;P",
        "70011223;10/03/2026;F",
      ]),
    };
    const error = await caught(importAttendance(director, input, WEB));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.issues).toEqual([
      { row: 3, column: "DNI", message: "Documento 99999999 no pertenece a un estudiante de este colegio." },
      {
        row: 4,
        column: "Fecha",
        message: `La fecha ${tomorrow} es futura: no se registra asistencia de días que aún no pasan.`,
      },
      {
        row: 5,
        column: "Estado",
        message:
          "Estado «X» no reconocido: use P (presente), T (tardanza), F (falta injustificada) o J (falta justificada).",
      },
      { row: 7, column: "DNI", message: "El estudiante 70011223 tiene dos registros para el 10/03/2026: filas 6 y 7." },
    ]);
    expect(await statusOf("72345679", "2026-03-09")).toBe("PRESENT");
    expect([await attendanceCount(schoolA.id), await t.db.auditLog.count()]).toEqual(before);
    expect(todayInLima() > "2026-03-31").toBe(true);
  });
});

describe("[ATTENDANCE] scope and audit", () => {
  it("a DIRECTOR cannot import into or preview another school: not found, nothing written", async () => {
    const input = { schoolCode: "1000001", ...(await file("attendance-long.csv")) };
    for (const attempt of [importAttendance(directorB, input, WEB), previewAttendanceImport(directorB, input)]) {
      const error = await caught(attempt);
      expect(error).toMatchObject({
        code: "NOT_FOUND",
        message: "El colegio 1000001 no existe o no está a su alcance.",
      });
    }
    // Their own school has none of these students: every row is an unknown document.
    const own = await caught(importAttendance(directorB, { ...input, schoolCode: "1000002" }, WEB));
    expect(own.issues[0].message).toBe("Documento 7654321 no pertenece a un estudiante de este colegio.");
    expect(await attendanceCount(schoolB.id)).toBe(0);
  });

  it("each import writes one audit entry with counts, file name and shape", async () => {
    const entries = await t.db.auditLog.findMany({ where: { action: "attendance.import" }, orderBy: { id: "asc" } });
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      actorId: director.id,
      actorRole: "DIRECTOR",
      entity: "Attendance",
      schoolId: schoolA.id,
    });
    expect(entries[0].details).toMatchObject({
      fileName: "attendance-long.csv",
      shape: "long",
      rows: 25,
      inserted: 25,
      updated: 0,
      firstDate: "2026-03-02",
      lastDate: "2026-03-06",
      newSectionDays: 20,
      method: "direct",
    });
    expect(entries[1].details).toMatchObject({ inserted: 0, unchanged: 25, method: "staged" });
    expect(entries[2].details).toMatchObject({
      shape: "grid",
      month: "2026-03",
      inserted: 85,
      updated: 2,
      unchanged: 23,
      method: "staged",
    });
  });
});

describe("[CLI] import commands", () => {
  async function cli(run: (args: string[]) => Promise<number>, args: string[]) {
    const out: string[] = [];
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const code = await run(args);
      return { code, out: out.join("") };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  }

  it("prints a JSON summary, exits 1 when it refuses the file and 2 on usage errors, and audits as the system", async () => {
    const roster = await cli(runImportRoster, ["--school", "1000002", path.join(FILES, "roster-utf8-bom.csv")]);
    expect(roster.code).toBe(0);
    expect(JSON.parse(roster.out)).toEqual({ created: 4, updated: 0, unchanged: 0, errors: [] });

    const bad = await cli(runImportRoster, ["--school", "1000002", path.join(FILES, "roster-one-bad-row.csv")]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [{ row: 4, column: "DNI", message: "El DNI «12AB» solo debe tener dígitos." }],
    });

    const unknown = await cli(runImportAttendance, ["--school", "7777777", path.join(FILES, "attendance-long.csv")]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.out).errors[0].message).toBe("El colegio 7777777 no existe.");

    expect((await cli(runImportAttendance, ["--school", "1000002"])).code).toBe(2);
    expect((await cli(runImportAttendance, ["--school", "1000002", "--month", "2026-3", "x.csv"])).code).toBe(2);
    expect((await cli(runImportRoster, ["--school", "1000002", path.join(FILES, "no-existe.csv")])).code).toBe(2);

    const system = await t.db.auditLog.findFirstOrThrow({ where: { action: "student.import", schoolId: schoolB.id } });
    expect(system).toMatchObject({ actorId: null, actorRole: null });
    expect(system.origin).toMatch(/^cli \|  \| import-roster \(/);
  });
});
