import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { saveAttendance } from "../../lib/attendance/take-attendance";
import { findLastSection, getAttendanceSheet } from "../../lib/attendance/queries";
import { dayFromIso, todayInLima } from "../../lib/format/date";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
let schoolA: string;
let schoolB: string;
let tutorA: SessionUser;
let tutorB: SessionUser;
let ids: string[] = [];
let otherSectionId: string;

const user = (role: SessionUser["role"], schoolIds: string[], n: number): SessionUser => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  email: `u${n}@test.pe`,
  name: `Usuario ${n}`,
  role,
  locale: "es",
  schoolIds,
  agencyId: null,
  agencyType: null,
});

// Real accounts: recordedById and the audit's actorId reference app_user.
const saveAccounts = (users: SessionUser[]) =>
  t.db.user.createMany({
    data: users.map(({ id, email, name, role }) => ({ id, email, name, role, passwordHash: "x" })),
  });

beforeAll(async () => {
  t = await createTestDatabase();
  const mk = (code: string) =>
    t.db.school.create({
      data: {
        codigoModular: code,
        name: `IE ${code}`,
        region: "La Libertad",
        province: "Trujillo",
        district: "Trujillo",
      },
    });
  schoolA = (await mk("9100001")).id;
  schoolB = (await mk("9100002")).id;
  tutorA = user("TUTOR", [schoolA], 1);
  tutorB = user("TUTOR", [schoolB], 2);
  await saveAccounts([tutorA, tutorB]);
  await t.db.student.createMany({
    data: Array.from({ length: 35 }, (_, i) => ({
      schoolId: schoolA,
      documentType: "DNI" as const,
      documentNumber: String(70000000 + i),
      paternalSurname: `Apellido${String(i).padStart(2, "0")}`,
      givenNames: "Nombre",
      sex: i % 2 ? ("F" as const) : ("M" as const),
      grade: 2,
      section: "A",
    })),
  });
  ids = (
    await t.db.student.findMany({
      where: { schoolId: schoolA, grade: 2, section: "A" },
      orderBy: { paternalSurname: "asc" },
    })
  ).map((s) => s.id);
  otherSectionId = (
    await t.db.student.create({
      data: {
        schoolId: schoolA,
        documentType: "DNI",
        documentNumber: "71000000",
        paternalSurname: "Otro",
        givenNames: "X",
        sex: "F",
        grade: 3,
        section: "B",
      },
    })
  ).id;
});
afterAll(async () => {
  await t.drop();
});

const section = () => ({ schoolId: schoolA, grade: 2, section: "A" });

describe("[ATTENDANCE] taking attendance for a section", () => {
  it("a tutor saves a section with 3 unjustified absences: 35 rows, a school day and one audit entry", async () => {
    const date = "2026-11-02";
    const marks = ids.slice(0, 3).map((studentId) => ({ studentId, status: "UNJUSTIFIED" as const }));
    const result = await saveAttendance(tutorA, { ...section(), date, marks });
    expect(result.counts).toEqual({ PRESENT: 32, UNJUSTIFIED: 3, JUSTIFIED: 0, LATE: 0 });
    expect(result.isEdit).toBe(false);

    const rows = await t.db.attendance.findMany({ where: { schoolId: schoolA, date: dayFromIso(date) } });
    expect(rows).toHaveLength(35);
    expect(
      rows
        .filter((r) => r.status === "UNJUSTIFIED")
        .map((r) => r.studentId)
        .sort(),
    ).toEqual(ids.slice(0, 3).sort());
    expect(
      await t.db.attendanceDay.count({ where: { schoolId: schoolA, grade: 2, section: "A", date: dayFromIso(date) } }),
    ).toBe(1);

    const audit = await t.db.auditLog.findMany({ where: { action: "attendance.save" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: tutorA.id,
      actorRole: "TUTOR",
      schoolId: schoolA,
      entity: "AttendanceDay",
    });
    expect(audit[0].details).toMatchObject({
      date,
      grade: 2,
      section: "A",
      counts: { PRESENT: 32, UNJUSTIFIED: 3 },
      isEdit: false,
    });

    const sheet = await getAttendanceSheet(tutorA, section(), date);
    expect(sheet?.saved?.counts.UNJUSTIFIED).toBe(3);
    expect(sheet?.students.filter((s) => s.status === "UNJUSTIFIED")).toHaveLength(3);
  });

  it("editing an earlier day is allowed and the audit keeps the previous values", async () => {
    const date = "2026-11-02";
    const result = await saveAttendance(tutorA, {
      ...section(),
      date,
      marks: [{ studentId: ids[0], status: "JUSTIFIED" }],
    });
    expect(result).toMatchObject({
      isEdit: true,
      changed: 1,
      counts: { PRESENT: 32, UNJUSTIFIED: 2, JUSTIFIED: 1, LATE: 0 },
    });
    const audit = await t.db.auditLog.findMany({
      where: { action: "attendance.save" },
      orderBy: { id: "desc" },
      take: 1,
    });
    expect(audit[0].details).toMatchObject({
      isEdit: true,
      previousCounts: { PRESENT: 32, UNJUSTIFIED: 3 },
      changes: [{ studentId: ids[0], from: "UNJUSTIFIED", to: "JUSTIFIED" }],
    });
    const row = await t.db.attendance.findUnique({
      where: { studentId_date: { studentId: ids[0], date: dayFromIso(date) } },
    });
    expect(row?.status).toBe("JUSTIFIED");
  });

  it("refuses a future date and writes nothing", async () => {
    const tomorrow = new Date(dayFromIso(todayInLima()).getTime() + 86_400_000).toISOString().slice(0, 10);
    const before = await t.db.attendance.count();
    await expect(saveAttendance(tutorA, { ...section(), date: tomorrow, marks: [] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "No se puede registrar asistencia de una fecha futura.",
    });
    expect(await t.db.attendance.count()).toBe(before);
    expect(await t.db.attendanceDay.count({ where: { date: dayFromIso(tomorrow) } })).toBe(0);
  });

  it("a tutor of another school gets not found and nothing changes", async () => {
    const before = await t.db.attendance.count();
    const audits = await t.db.auditLog.count();
    await expect(saveAttendance(tutorB, { ...section(), date: "2026-11-03", marks: [] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await getAttendanceSheet(tutorB, section(), "2026-11-03")).toBeNull();
    expect(await t.db.attendance.count()).toBe(before);
    expect(await t.db.auditLog.count()).toBe(audits);
  });

  it("refuses a student who is not in the section, leaving the day untouched", async () => {
    const before = await t.db.attendance.count();
    await expect(
      saveAttendance(tutorA, {
        ...section(),
        date: "2026-11-04",
        marks: [{ studentId: otherSectionId, status: "UNJUSTIFIED" }],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.attendance.count()).toBe(before);
    expect(await t.db.attendanceDay.count({ where: { date: dayFromIso("2026-11-04") } })).toBe(0);
  });

  it("roles without attendance.write are refused as not found", async () => {
    const coordinator = user("COORDINATOR", [schoolA], 3);
    const psychologist = user("PSYCHOLOGIST", [schoolA], 4);
    for (const u of [coordinator, psychologist]) {
      await expect(saveAttendance(u, { ...section(), date: "2026-11-05", marks: [] })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    expect(await t.db.attendanceDay.count({ where: { date: dayFromIso("2026-11-05") } })).toBe(0);
  });

  it("a director of the school may take attendance too", async () => {
    const director = user("DIRECTOR", [schoolA], 5);
    await saveAccounts([director]);
    const result = await saveAttendance(director, {
      ...section(),
      date: "2026-11-06",
      marks: [{ studentId: ids[5], status: "LATE" }],
    });
    expect(result.counts).toEqual({ PRESENT: 34, UNJUSTIFIED: 0, JUSTIFIED: 0, LATE: 1 });
  });

  it("[SCOPE] names who recorded the day only when that person is staff of the section's school", async () => {
    const date = "2026-11-09";
    const staff = (school: string, email: string, name: string) =>
      t.db.user.create({
        data: { email, name, role: "TUTOR", passwordHash: "-", schools: { create: { schoolId: school } } },
        select: { id: true },
      });
    const recorder = await staff(schoolA, "registra@test.pe", "Tutora Registradora");
    const outsider = await staff(schoolB, "ajena@test.pe", "Persona Ajena");
    await saveAttendance({ ...tutorA, id: recorder.id }, { ...section(), date, marks: [] });
    expect((await getAttendanceSheet(tutorA, section(), date))?.saved?.recordedBy).toBe("Tutora Registradora");

    // A stored id of someone from another school is not looked up.
    await t.db.attendanceDay.updateMany({ where: { date: dayFromIso(date) }, data: { recordedById: outsider.id } });
    const sheet = await getAttendanceSheet(tutorA, section(), date);
    expect(sheet?.saved).toMatchObject({ recordedBy: null, counts: { PRESENT: 35 } });
  });
});

describe("[ATTENDANCE] a save on a bad connection can be sent again", () => {
  it("the same payload twice yields one state: the same rows, one school day, one audit entry", async () => {
    const date = "2026-11-10";
    const payload = {
      ...section(),
      date,
      marks: [
        { studentId: ids[1], status: "UNJUSTIFIED" as const },
        { studentId: ids[2], status: "LATE" as const },
      ],
    };
    const rowsOf = () =>
      t.db.attendance.findMany({
        where: { schoolId: schoolA, date: dayFromIso(date) },
        select: { studentId: true, status: true, recordedAt: true },
        orderBy: { studentId: "asc" },
      });
    const audits = () => t.db.auditLog.count({ where: { action: "attendance.save", entityId: { endsWith: date } } });

    const first = await saveAttendance(tutorA, payload);
    const afterFirst = await rowsOf();
    // The retry after a lost response: the server already has it.
    const second = await saveAttendance(tutorA, payload);

    expect(second).toEqual({ ...first, changed: 0, isEdit: true });
    expect(second.recordedAt).toEqual(first.recordedAt);
    expect(await rowsOf()).toEqual(afterFirst);
    expect(afterFirst).toHaveLength(35);
    expect(await t.db.attendanceDay.count({ where: { date: dayFromIso(date) } })).toBe(1);
    expect(await audits()).toBe(1);
  });
});

describe("[ATTENDANCE] a weekend or holiday needs the user's confirmation", () => {
  it("a Saturday is refused without confirmation and nothing is written", async () => {
    const saturday = "2026-11-07";
    await expect(saveAttendance(tutorA, { ...section(), date: saturday, marks: [] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("Es fin de semana"),
      issues: [expect.objectContaining({ field: "confirmNonSchoolDay" })],
    });
    expect(await t.db.attendanceDay.count({ where: { date: dayFromIso(saturday) } })).toBe(0);
    expect(await t.db.attendance.count({ where: { date: dayFromIso(saturday) } })).toBe(0);
  });

  it("a configured holiday is refused without confirmation, saved with it, and edited afterwards without asking again", async () => {
    const holiday = "2026-10-08"; // Combate de Angamos, a Thursday, in the migration's calendar
    expect(await t.db.holiday.findUnique({ where: { day: dayFromIso(holiday) } })).toMatchObject({
      name: "Combate de Angamos",
    });
    await expect(saveAttendance(tutorA, { ...section(), date: holiday, marks: [] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("Es feriado"),
    });
    expect(await t.db.attendanceDay.count({ where: { date: dayFromIso(holiday) } })).toBe(0);

    const saved = await saveAttendance(tutorA, { ...section(), date: holiday, marks: [], confirmNonSchoolDay: true });
    expect(saved.counts.PRESENT).toBe(35);
    expect(await t.db.attendanceDay.count({ where: { date: dayFromIso(holiday) } })).toBe(1);

    // Already a school day: a correction needs no second confirmation.
    const edited = await saveAttendance(tutorA, {
      ...section(),
      date: holiday,
      marks: [{ studentId: ids[0], status: "JUSTIFIED" }],
    });
    expect(edited).toMatchObject({ isEdit: true, changed: 1 });
  });

  it("a holiday taken off the list is an ordinary school day again", async () => {
    const junin = "2026-08-06"; // Batalla de Junín, a Thursday
    await expect(saveAttendance(tutorA, { ...section(), date: junin, marks: [] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await t.db.holiday.delete({ where: { day: dayFromIso(junin) } });
    const result = await saveAttendance(tutorA, { ...section(), date: junin, marks: [] });
    expect(result).toMatchObject({ isEdit: false, counts: { PRESENT: 35 } });
  });
});

describe("[ATTENDANCE] «Tomar asistencia» on the home page", () => {
  it("opens the section this user saved last, within their scope; nobody else's", async () => {
    const now = new Date("2026-11-12T15:00:00Z");
    await saveAttendance(tutorA, { ...section(), date: "2026-11-12", marks: [] });
    expect(await findLastSection(tutorA, now)).toEqual(section());
    // Another tutor of the same school who saved nothing yet: the list of sections instead.
    const colleague = user("TUTOR", [schoolA], 7);
    expect(await findLastSection(colleague, now)).toBeNull();
    // Out of scope: a tutor of school B never gets school A's section.
    expect(await findLastSection({ ...tutorB, id: tutorA.id }, now)).toBeNull();
  });
});
