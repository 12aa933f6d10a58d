import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "../../lib/auth/session";
import type { SessionUser } from "../../lib/auth/types";
import { getStudentOverview, readStudentOverview } from "../../lib/students/student-overview";
import { readAddressHistory } from "../../lib/visits/address-history";
import { SEED_NOW } from "../../prisma/seed/calendar";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The student's record for field staff: recent attendance, alerts and cases, each part only
// for roles that may read it, and nothing for a student outside the caller's scope.
let t: TestDatabase;
const users: Record<string, SessionUser> = {};

async function byEmail(email: string): Promise<SessionUser> {
  const row = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await loadSessionUser(row.id))!;
}

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  for (const [key, email] of Object.entries({
    director: "director@demo.pe",
    directorSjl: "director.sjl@demo.pe",
    tutor: "tutor@demo.pe",
    psychologist: "psicologo@demo.pe",
  }))
    users[key] = await byEmail(email);
});
afterAll(async () => {
  await t.drop();
});

describe("[STUDENTS] the record shows attendance, alerts and cases to those who may read them", () => {
  it("a director sees a student's absences, alerts and case; a tutor only the attendance", async () => {
    const withCase = await t.db.case.findFirstOrThrow({
      where: { schoolId: users.director.schoolIds[0], alerts: { some: {} } },
      select: { id: true, studentId: true },
    });
    const overview = await getStudentOverview(users.director, withCase.studentId, SEED_NOW);
    expect(overview.cases?.map((c) => c.id)).toContain(withCase.id);
    expect(overview.alerts?.length).toBeGreaterThan(0);
    const absences = await t.db.attendance.count({
      where: { studentId: withCase.studentId, status: { not: "PRESENT" }, date: { gte: overview.attendance!.from } },
    });
    expect(overview.attendance!.days).toBeGreaterThan(0);
    expect(
      overview.attendance!.counts.UNJUSTIFIED +
        overview.attendance!.counts.JUSTIFIED +
        overview.attendance!.counts.LATE,
    ).toBe(absences);
    expect(overview.attendance!.recent.length).toBe(Math.min(absences, 20));

    const tutor = users.tutor;
    expect(tutor.schoolIds).toContain(users.director.schoolIds[0]);
    const forTutor = await getStudentOverview(tutor, withCase.studentId, SEED_NOW);
    expect(forTutor.attendance?.days).toBe(overview.attendance!.days);
    expect(forTutor.alerts).toBeNull();
    expect(forTutor.cases).toBeNull();
  });

  it("[SCOPE] a student of another school reads as nothing at all", async () => {
    const other = await t.db.student.findFirstOrThrow({
      where: { schoolId: users.directorSjl.schoolIds[0] },
      select: { id: true },
    });
    expect(await getStudentOverview(users.director, other.id, SEED_NOW)).toEqual({
      attendance: null,
      alerts: null,
      cases: null,
    });
  });

  it("[SCOPE] the page's reads without a second lookup still carry the caller's scope", async () => {
    // A student of another school, passed as if it had been read: every query filters by the
    // caller's schools, so nothing of that student comes back.
    const other = await t.db.student.findFirstOrThrow({
      where: { schoolId: users.directorSjl.schoolIds[0], alerts: { some: {} }, attendance: { some: {} } },
      select: { id: true, schoolId: true },
    });
    const theirs = await readStudentOverview(users.directorSjl, other, SEED_NOW);
    expect(theirs.alerts?.length).toBeGreaterThan(0);
    const outside = await readStudentOverview(users.director, other, SEED_NOW);
    expect(outside.attendance?.days).toBe(0);
    expect(outside.alerts).toEqual([]);
    expect(outside.cases).toEqual([]);
    expect(await readAddressHistory(users.director, other)).toEqual([]);
  });
});
