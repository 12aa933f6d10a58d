import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { dayFromIso, isoFromDay, todayInLima } from "../../lib/format/date";
import { findStudents, getStudent, studentListWhere } from "../../lib/students/queries";
import { createStudent, setStudentStatus, updateStudent } from "../../lib/students/student-records";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let schoolA: string;
let schoolB: string;
let directorA: SessionUser;
let directorB: SessionUser;
let tutorA: SessionUser;
let studentB: string;

const user = (role: SessionUser["role"], schoolIds: string[], n: number): SessionUser => ({
  id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, "0")}`,
  email: `u${n}@test.pe`,
  name: `Usuario ${n}`,
  role,
  locale: "es",
  schoolIds,
  agencyId: null,
  agencyType: null,
});

const base = {
  documentType: "DNI",
  documentNumber: "71234567",
  paternalSurname: "Gómez",
  maternalSurname: "Núñez",
  givenNames: "María José",
  sex: "F",
  birthDate: "2011-04-09",
  level: "SECONDARY",
  grade: "2",
  section: "a",
};

beforeAll(async () => {
  t = await createTestDatabase();
  const mk = (code: string) =>
    t.db.school.create({
      data: { codigoModular: code, name: `IE ${code}`, region: "Lima", province: "Lima", district: "Independencia" },
    });
  schoolA = (await mk("9200001")).id;
  schoolB = (await mk("9200002")).id;
  directorA = user("DIRECTOR", [schoolA], 1);
  directorB = user("DIRECTOR", [schoolB], 2);
  tutorA = user("TUTOR", [schoolA], 3);
  // Real accounts: the audit's actorId references app_user.
  await t.db.user.createMany({
    data: [directorA, directorB, tutorA].map(({ id, email, name, role }) => ({
      id,
      email,
      name,
      role,
      passwordHash: "x",
    })),
  });
  studentB = (
    await t.db.student.create({
      data: {
        schoolId: schoolB,
        documentType: "DNI",
        documentNumber: "79999999",
        paternalSurname: "Ajeno",
        givenNames: "Luis",
        sex: "M",
        grade: 3,
        section: "B",
      },
    })
  ).id;
  await t.db.student.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      schoolId: schoolA,
      documentType: "DNI" as const,
      documentNumber: String(60000000 + i),
      paternalSurname: `Relleno${String(i).padStart(2, "0")}`,
      givenNames: "Ana",
      sex: "F" as const,
      grade: 1 + (i % 5),
      section: i % 2 ? "A" : "B",
    })),
  });
});
afterAll(async () => {
  await t.drop();
});

describe("[STUDENTS] scope", () => {
  it("a DIRECTOR cannot read, edit or withdraw another school's student: not found, nothing changed", async () => {
    expect(await getStudent(directorA, studentB)).toBeNull();
    expect(await getStudent(directorA, "not-a-uuid")).toBeNull();
    const audits = await t.db.auditLog.count();
    await expect(updateStudent(directorA, { ...base, id: studentB, documentNumber: "79999999" })).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
    await expect(setStudentStatus(directorA, { id: studentB, status: "WITHDRAWN" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // A malformed id reads like any other unknown student, even with invalid fields beside it.
    await expect(updateStudent(directorA, { ...base, id: "not-a-uuid", documentNumber: "1" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "El estudiante no existe o no está a su alcance.",
    });
    await expect(createStudent(directorA, { ...base, schoolId: schoolB })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const row = await t.db.student.findUniqueOrThrow({ where: { id: studentB } });
    expect(row).toMatchObject({ paternalSurname: "Ajeno", status: "ACTIVE" });
    expect(await t.db.auditLog.count()).toBe(audits);
    expect((await findStudents(directorA, { q: "Ajeno" })).total).toBe(0);
    expect((await getStudent(directorB, studentB))?.id).toBe(studentB);
  });

  it("a TUTOR reads the roster but cannot create; a COORDINATOR cannot list names", async () => {
    expect((await findStudents(tutorA, {})).total).toBe(60);
    await expect(createStudent(tutorA, { ...base, schoolId: schoolA })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(findStudents(user("COORDINATOR", [schoolA], 4), {})).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("[STUDENTS] records by hand", () => {
  let id: string;

  it("creates with the import's validation, Spanish field errors and an audit entry", async () => {
    await expect(
      createStudent(directorA, { ...base, documentNumber: "1234", schoolId: schoolA }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      issues: [{ field: "documentNumber", key: "student.dniDigits", message: "El DNI debe tener 8 dígitos." }],
    });
    ({ id } = await createStudent(directorA, { ...base, phone: "987 654 321", schoolId: schoolA }));
    const row = await t.db.student.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ section: "A", grade: 2, phone: "987 654 321", addressVerifiedAt: null });
    // A contact given without a date is verified today; absent contacts stay unverified.
    expect(isoFromDay(row.phoneVerifiedAt!)).toBe(todayInLima());
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "student.create", entityId: id } });
    expect(audit).toMatchObject({ schoolId: schoolA, actorId: directorA.id, entity: "Student" });
  });

  it("refuses a duplicate document in the same school", async () => {
    await expect(createStudent(directorA, { ...base, schoolId: schoolA })).rejects.toMatchObject({
      code: "ALREADY_EXISTS",
    });
  });

  it("editing a contact without touching its date verifies it today; the audit names the fields only", async () => {
    await t.db.student.update({ where: { id }, data: { phoneVerifiedAt: dayFromIso("2024-01-10") } });
    const current = await t.db.student.findUniqueOrThrow({ where: { id } });
    const input = {
      ...base,
      phone: "999 111 222",
      phoneVerifiedAt: "2024-01-10",
      addressDistrict: "Comas",
      addressVerifiedAt: "2025-03-01",
    };
    const result = await updateStudent(directorA, { ...input, id, expectedUpdatedAt: current.updatedAt.toISOString() });
    expect(result.changed).toEqual(
      expect.arrayContaining(["phone", "phoneVerifiedAt", "addressDistrict", "addressVerifiedAt"]),
    );
    const row = await t.db.student.findUniqueOrThrow({ where: { id } });
    expect(isoFromDay(row.phoneVerifiedAt!)).toBe(todayInLima());
    expect(isoFromDay(row.addressVerifiedAt!)).toBe("2025-03-01");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "student.update", entityId: id } });
    expect(JSON.stringify(audit.details)).not.toContain("999");
  });

  it("a stale form (someone saved in between) is a conflict, not a silent overwrite", async () => {
    await expect(
      updateStudent(directorA, { ...base, id, givenNames: "Otra", expectedUpdatedAt: "2000-01-01T00:00:00.000Z" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await t.db.student.findUniqueOrThrow({ where: { id } })).givenNames).toBe("María José");
  });

  it("marks withdrawn with an audit entry holding both states", async () => {
    expect(await setStudentStatus(directorA, { id, status: "WITHDRAWN" })).toMatchObject({
      from: "ACTIVE",
      to: "WITHDRAWN",
    });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "student.status", entityId: id } });
    expect(audit.details).toEqual({ from: "ACTIVE", to: "WITHDRAWN" });
    await expect(setStudentStatus(directorA, { id, status: "GONE" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("[STUDENTS] list", () => {
  it("finds by name ignoring accents and case, or by document number", async () => {
    expect((await findStudents(directorA, { q: "gomez nunez" })).rows.map((r) => r.givenNames)).toEqual(["María José"]);
    expect((await findStudents(directorA, { q: "Nuñez" })).rows.map((r) => r.maternalSurname)).toEqual(["Núñez"]);
    expect((await findStudents(directorA, { q: "jose" })).rows.map((r) => r.givenNames)).toEqual(["María José"]);
    expect((await findStudents(directorA, { q: "MARIA" })).total).toBe(1);
    expect((await findStudents(directorA, { q: "7123" })).total).toBe(1);
    expect((await findStudents(directorA, { q: "50%" })).total).toBe(0);
    expect((await findStudents(directorA, { q: "relleno_1" })).total).toBe(0);
  });

  it("an accented search finds a name stored without accents", async () => {
    await t.db.student.create({
      data: {
        schoolId: schoolB,
        documentType: "DNI",
        documentNumber: "79999998",
        paternalSurname: "Nunez",
        maternalSurname: "Pena",
        givenNames: "Jose Angel",
        sex: "M",
        grade: 3,
        section: "B",
      },
    });
    expect((await findStudents(directorB, { q: "Núñez Peña" })).rows.map((r) => r.givenNames)).toEqual(["Jose Angel"]);
    expect((await findStudents(directorB, { q: "JOSÉ ÁNGEL" })).total).toBe(1);
    // The other school's "Núñez" stays out of scope.
    expect((await findStudents(directorB, { q: "nunez" })).total).toBe(1);
  });

  it("filters by grade, section and status and pages by 50 with the total", async () => {
    const page1 = await findStudents(directorA, {});
    expect(page1).toMatchObject({ total: 61, pageCount: 2, pageSize: 50 });
    expect(page1.rows).toHaveLength(50);
    expect((await findStudents(directorA, { page: 2 })).rows).toHaveLength(11);
    expect((await findStudents(directorA, { page: 9 })).total).toBe(61);
    expect((await findStudents(directorA, { grade: 1, section: "B" })).total).toBe(6);
    expect((await findStudents(directorA, { status: "WITHDRAWN" })).rows.map((r) => r.paternalSurname)).toEqual([
      "Gómez",
    ]);
  });

  it("reads each row, the list's order and the filter's sections as the records hold them, in scope only", async () => {
    const page = await findStudents(directorA, { page: 2 }, 20);
    const reference = await t.db.student.findMany({
      where: { schoolId: schoolA },
      orderBy: [{ paternalSurname: "asc" }, { maternalSurname: "asc" }, { givenNames: "asc" }, { id: "asc" }],
      skip: 20,
      take: 20,
      include: { school: { select: { name: true } } },
    });
    expect(page.rows).toEqual(
      reference.map((r) => ({
        id: r.id,
        documentType: r.documentType,
        documentNumber: r.documentNumber,
        paternalSurname: r.paternalSurname,
        maternalSurname: r.maternalSurname,
        givenNames: r.givenNames,
        sex: r.sex,
        grade: r.grade,
        section: r.section,
        status: r.status,
        schoolName: r.school.name,
      })),
    );
    // The sections are the school's, whatever the filters; school B's 3.° B is not among them.
    const groups = await t.db.student.groupBy({
      by: ["grade", "section"],
      where: { schoolId: schoolA },
      orderBy: [{ grade: "asc" }, { section: "asc" }],
    });
    const expected = groups.map(({ grade, section }) => ({ grade, section }));
    expect(expected.length).toBeGreaterThan(5);
    expect(page.sections).toEqual(expected);
    expect((await findStudents(directorA, { q: "relleno01" })).sections).toEqual(expected);
    expect((await findStudents(directorB, {})).sections).toEqual([{ grade: 3, section: "B" }]);
  });

  it("[REGRESSION] a search past its last page reports the search's total, not the whole roster's", async () => {
    // Relleno00…Relleno09: ten of the school's sixty-odd students.
    const beyond = await findStudents(directorA, { q: "relleno0", page: 9 });
    expect(beyond).toMatchObject({ total: 10, page: 1, pageCount: 1 });
    expect(beyond.rows.map((r) => r.paternalSurname)).toEqual(Array.from({ length: 10 }, (_, i) => `Relleno0${i}`));
    const small = await findStudents(directorA, { q: "relleno0", page: 7 }, 4);
    expect(small).toMatchObject({ total: 10, page: 3, pageCount: 3 });
    expect(small.rows.map((r) => r.paternalSurname)).toEqual(["Relleno08", "Relleno09"]);
  });
});

describe("[STUDENTS] search at scale", () => {
  it("uses the trigram index on the folded name (a few thousand students)", async () => {
    const schoolC = (
      await t.db.school.create({
        data: { codigoModular: "9200003", name: "IE 9200003", region: "Lima", province: "Lima", district: "Comas" },
      })
    ).id;
    await t.db.$executeRaw`
      INSERT INTO student ("schoolId", "documentType", "documentNumber", "paternalSurname", "maternalSurname", "givenNames", sex, grade, section)
      SELECT ${schoolC}::uuid, 'DNI', lpad((80000000 + i)::text, 8, '0'),
             (ARRAY['Quispe','Mamani','Huamán','Flores','Rojas','Sánchez','García','Torres','Ramírez','Vargas'])[1 + i % 10],
             (ARRAY['Condori','Chávez','Gutiérrez','Díaz','Mendoza','Ccahuana','Espinoza','Cruz'])[1 + (i / 10) % 8],
             (ARRAY['Ana','Luis','Rosa','Jhon','Milagros','Kevin','Yésica','Brayan','Lucía'])[1 + (i / 80) % 9] || ' ' || i,
             'F', 1 + i % 5, 'A'
        FROM generate_series(1, 3000) AS i`;
    // Only the table's owner may ANALYZE it (autovacuum does it in production).
    await t.asOwner(`ANALYZE student`);
    const directorC = user("DIRECTOR", [schoolC], 5);
    const expected = Array.from({ length: 3000 }, (_, k) => k + 1).filter(
      (i) => i % 10 === 2 && Math.floor(i / 80) % 9 === 6,
    ).length;
    expect((await findStudents(directorC, { q: "yesica huaman" })).total).toBe(expected);

    const plan = await t.db.$queryRaw<{ "QUERY PLAN": string }[]>`
      EXPLAIN SELECT count(*) FROM student s WHERE ${studentListWhere(directorC, { q: "yesica huaman" })}`;
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("Bitmap Index Scan on student_search_trgm_idx");
  });
});
