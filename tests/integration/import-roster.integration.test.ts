import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { AppError } from "../../lib/errors/app-error";
import { importRoster, previewRosterImport } from "../../lib/students/import-roster";
import { importRosterForSchool } from "../../lib/system/import-roster-core";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const FILES = path.join(import.meta.dirname, "../fixtures/files");
const file = async (name: string) => ({ fileName: name, bytes: await readFile(path.join(FILES, name)) });
const WEB = { via: "web" as const, ip: "127.0.0.1", userAgent: "vitest" };

let t: TestDatabase;
let schoolA: { id: string; codigoModular: string };
let schoolB: { id: string; codigoModular: string };
let director: SessionUser;
let directorB: SessionUser;

function sessionUser(id: string, role: SessionUser["role"], schoolIds: string[]): SessionUser {
  return { id, email: `${id}@test.pe`, name: role, role, locale: "es", schoolIds, agencyId: null, agencyType: null };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const studentCount = (schoolId: string) => t.db.student.count({ where: { schoolId } });
const auditCount = () => t.db.auditLog.count({ where: { action: "student.import" } });

beforeAll(async () => {
  t = await createTestDatabase();
  const place = { region: "La Libertad", province: "Trujillo", district: "Trujillo" };
  schoolA = await t.db.school.create({ data: { codigoModular: "1000001", name: "IE Trujillo A", ...place } });
  schoolB = await t.db.school.create({
    data: { codigoModular: "2000002", name: "IE San Juan de Lurigancho", ...place },
  });
  const mk = (email: string, schoolId: string) =>
    t.db.user.create({
      data: { email, name: email, passwordHash: "x", role: "DIRECTOR", schools: { create: { schoolId } } },
    });
  director = sessionUser((await mk("director@test.pe", schoolA.id)).id, "DIRECTOR", [schoolA.id]);
  directorB = sessionUser((await mk("director.b@test.pe", schoolB.id)).id, "DIRECTOR", [schoolB.id]);
});
afterAll(async () => {
  await t.drop();
});

describe("[ROSTER] import", () => {
  it("a director previews then imports a Windows-1252 ';' roster, and re-importing it changes nothing", async () => {
    const input = { schoolCode: "1000001", ...(await file("roster-windows-1252.csv")) };
    const preview = await previewRosterImport(director, input);
    expect(preview).toMatchObject({ rows: 6, toCreate: 6, toUpdate: 0, unchanged: 0, errors: [] });
    expect(await studentCount(schoolA.id)).toBe(0);

    const first = await importRoster(director, input, WEB);
    expect(first).toEqual({ created: 6, updated: 0, unchanged: 0, errors: [] });
    const pena = await t.db.student.findFirstOrThrow({ where: { schoolId: schoolA.id, documentNumber: "07654321" } });
    expect(pena).toMatchObject({
      documentType: "DNI",
      paternalSurname: "PEÑA",
      maternalSurname: "NÚÑEZ",
      givenNames: "JOSÉ ÁNGEL",
      grade: 1,
      section: "A",
      guardianRelationship: "Madre",
    });
    expect(pena.birthDate?.toISOString().slice(0, 10)).toBe("2012-03-05");
    expect(
      await t.db.student.count({ where: { schoolId: schoolA.id, documentType: "NONE", documentNumber: null } }),
    ).toBe(1);

    const stamp = await t.db.student.findMany({
      where: { schoolId: schoolA.id },
      select: { id: true, updatedAt: true },
      orderBy: { id: "asc" },
    });
    const second = await importRoster(director, input, WEB);
    expect(second).toEqual({ created: 0, updated: 0, unchanged: 6, errors: [] });
    expect(
      await t.db.student.findMany({
        where: { schoolId: schoolA.id },
        select: { id: true, updatedAt: true },
        orderBy: { id: "asc" },
      }),
    ).toEqual(stamp);
  });

  it("updates changed students, matches a student without document on names + birth date, and never erases a contact with a blank cell", async () => {
    await t.db.student.updateMany({
      where: { schoolId: schoolA.id, documentNumber: "71234568" },
      data: { addressVerifiedAt: new Date("2026-03-01"), phoneVerifiedAt: new Date("2026-03-01") },
    });
    const csv = [
      "DNI;Tipo de documento;Apellido paterno;Apellido materno;Nombres;Sexo;Fecha de nacimiento;Grado;Sección;Dirección",
      "71234568;DNI;QUISPE;MAMANI;MARÍA JESÚS;F;12/11/2011;3;B;Av. Larco 500",
      ";SIN DOCUMENTO;Chavez;Ibañez;Luis  Ñahui;M;15/08/2010;5;A;",
      "72345679;DNI;RODRÍGUEZ;CASTAÑEDA;ANA LUCÍA;F;01/02/2010;5;C;",
    ].join("\n");
    const input = { schoolCode: "1000001", fileName: "cambios.csv", bytes: new TextEncoder().encode(csv) };
    expect(await previewRosterImport(director, input)).toMatchObject({
      rows: 3,
      toCreate: 0,
      toUpdate: 2,
      unchanged: 1,
    });
    expect(await importRoster(director, input, WEB)).toEqual({ created: 0, updated: 2, unchanged: 1, errors: [] });

    const maria = await t.db.student.findFirstOrThrow({ where: { schoolId: schoolA.id, documentNumber: "71234568" } });
    expect(maria).toMatchObject({
      grade: 3,
      addressStreet: "Av. Larco 500",
      addressDistrict: "Trujillo",
      addressVerifiedAt: null,
    });
    expect(maria.phoneVerifiedAt).not.toBeNull();
    const luis = await t.db.student.findMany({ where: { schoolId: schoolA.id, documentType: "NONE" } });
    expect(luis).toHaveLength(1);
    expect(luis[0]).toMatchObject({ grade: 5, paternalSurname: "Chavez", addressStreet: "Mz. F Lt. 3 Alto Trujillo" });
    const ana = await t.db.student.findFirstOrThrow({ where: { schoolId: schoolA.id, documentNumber: "72345679" } });
    expect(ana.addressStreet).toBe("Av. Perú 987");
  });

  it("imports an XLSX with DNIs Excel stored as numbers", async () => {
    const input = { schoolCode: "1000001", ...(await file("roster.xlsx")) };
    expect(await importRoster(director, input, WEB)).toEqual({ created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(
      await t.db.student.count({
        where: { schoolId: schoolA.id, documentNumber: "06543210", maternalSurname: "Ñañez" },
      }),
    ).toBe(1);
  });

  it("a file with one bad row writes nothing and names the row and column", async () => {
    const [students, audits] = [await studentCount(schoolA.id), await auditCount()];
    const error = await caught(
      importRoster(director, { schoolCode: "1000001", ...(await file("roster-one-bad-row.csv")) }, WEB),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.issues).toEqual([{ row: 4, column: "DNI", message: "El DNI «12AB» solo debe tener dígitos." }]);
    expect(await studentCount(schoolA.id)).toBe(students);
    expect(await auditCount()).toBe(audits);
  });

  it("the preview counts every bad row, also past the reported list's cap of 1,000", async () => {
    const header = "DNI;Apellido paterno;Apellido materno;Nombres;Sexo;Grado;Sección";
    const rows = Array.from({ length: 1005 }, (_, i) => `12AB${i};Quispe;Flores;Ana;F;1;A`);
    const bytes = new TextEncoder().encode([header, ...rows].join("\n"));
    const preview = await previewRosterImport(director, { schoolCode: "1000001", fileName: "many-bad.csv", bytes });
    expect(preview.errorCount).toBe(1005);
    expect(preview.errors).toHaveLength(1001); // 1,000 rows plus the closing "N more" line
  });

  it("duplicates inside one file are reported with both rows, not merged", async () => {
    const students = await studentCount(schoolA.id);
    const error = await caught(
      importRoster(director, { schoolCode: "1000001", ...(await file("roster-duplicates.csv")) }, WEB),
    );
    expect(error.issues).toEqual([
      { row: 4, column: "DNI", message: "El documento DNI 01234567 está repetido en las filas 2 y 4." },
    ]);
    expect(await studentCount(schoolA.id)).toBe(students);
  });
});

describe("[ROSTER] scope and permissions", () => {
  it("a DIRECTOR cannot import into or preview another school: it reads as not found and nothing changes", async () => {
    const input = { schoolCode: "2000002", ...(await file("roster-utf8-bom.csv")) };
    for (const attempt of [importRoster(director, input, WEB), previewRosterImport(director, input)]) {
      const error = await caught(attempt);
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("El colegio 2000002 no existe o no está a su alcance.");
    }
    const unknown = await caught(previewRosterImport(director, { ...input, schoolCode: "9999999" }));
    expect(unknown.message).toBe("El colegio 9999999 no existe o no está a su alcance.");
    expect(await studentCount(schoolB.id)).toBe(0);
  });

  it("roles without students.import (tutor, admin, coordinator) are refused as not found", async () => {
    const input = { schoolCode: "1000001", ...(await file("roster-utf8-bom.csv")) };
    for (const role of ["TUTOR", "ADMIN", "COORDINATOR"] as const) {
      const error = await caught(importRoster(sessionUser(director.id, role, [schoolA.id]), input, WEB));
      expect(error.code).toBe("NOT_FOUND");
    }
    expect((await caught(importRoster(null, input, WEB))).code).toBe("UNAUTHENTICATED");
  });

  it("the director of the other school imports into their own school only", async () => {
    const result = await importRoster(
      directorB,
      { schoolCode: "2000002", ...(await file("roster-utf8-bom.csv")) },
      WEB,
    );
    expect(result).toMatchObject({ created: 4, updated: 0 });
    expect(await t.db.student.count({ where: { schoolId: schoolA.id, documentNumber: "73456781" } })).toBe(0);
  });
});

describe("[ROSTER] audit", () => {
  it("every import writes one entry with actor, school, origin, file name and counts; the system path records no actor", async () => {
    const entries = await t.db.auditLog.findMany({
      where: { action: "student.import", schoolId: schoolA.id },
      orderBy: { id: "asc" },
    });
    expect(entries.length).toBe(4);
    expect(entries[0]).toMatchObject({
      actorId: director.id,
      actorRole: "DIRECTOR",
      entity: "Student",
      origin: "web | 127.0.0.1 | vitest",
    });
    expect(entries[0].details).toMatchObject({
      fileName: "roster-windows-1252.csv",
      format: "csv",
      encoding: "windows-1252",
      rows: 6,
      created: 6,
      updated: 0,
      unchanged: 0,
    });
    expect(entries[1].details).toMatchObject({ created: 0, updated: 0, unchanged: 6 });

    const school = { ...schoolB, name: "IE San Juan de Lurigancho" };
    const result = await importRosterForSchool(school, null, await file("roster-utf8-bom.csv"), {
      via: "cli",
      userAgent: "import-roster (ops@host)",
    });
    expect(result).toEqual({ created: 0, updated: 0, unchanged: 4, errors: [] });
    const system = await t.db.auditLog.findFirstOrThrow({
      where: { action: "student.import", schoolId: schoolB.id, actorId: null },
    });
    expect(system).toMatchObject({ actorRole: null, origin: "cli |  | import-roster (ops@host)" });
  });
});
