import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/types";
import { dayFromIso, todayInLima } from "../format/date";
import type { Role } from "../generated/prisma/enums";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database";
import { findCases } from "../cases/list";
import { ZCaseListFilters } from "../cases/schema";
import { parseListParams } from "../lists/params";
import { findReferrals } from "../referrals/queries/list-referrals";
import { parseReferralListParams } from "../referrals/schema";
import { ZStudentListFilters } from "../students/list-filters";
import { findStudents } from "../students/queries";
import { getHomeStats } from "./get-home-stats";

// Two schools with known rows; each role's home must count only its own scope.
let t: TestDatabase;
const now = new Date("2026-11-26T15:00:00Z");
const ids = { a: "", b: "", demuna: "", cem: "", psych: "", demunaStaff: "" };

const byId = (figures: Awaited<ReturnType<typeof getHomeStats>>) =>
  Object.fromEntries(figures.stats.map((s) => [s.id, s.value]));

function sessionUser(role: Role, schoolIds: string[], extra: Partial<SessionUser> = {}): SessionUser {
  return {
    id: "00000000-0000-4000-8000-000000000000",
    email: "x@demo.pe",
    name: "X",
    role,
    locale: "es",
    schoolIds,
    agencyId: null,
    agencyType: null,
    ...extra,
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  const db = t.db;
  const a = await db.school.create({
    data: { codigoModular: "9000001", name: "A", region: "R", province: "P", district: "D" },
  });
  const b = await db.school.create({
    data: { codigoModular: "9000002", name: "B", region: "R", province: "P", district: "D" },
  });
  ids.a = a.id;
  ids.b = b.id;
  let n = 0;
  const student = (schoolId: string, grade: number, section: string, status: "ACTIVE" | "WITHDRAWN" = "ACTIVE") =>
    db.student.create({
      data: {
        schoolId,
        documentType: "DNI",
        documentNumber: String(10000000 + ++n),
        paternalSurname: "P",
        givenNames: "G",
        sex: "F",
        grade,
        section,
        status,
      },
    });
  const sa = [];
  for (let i = 0; i < 4; i++) sa.push(await student(a.id, 1, "A"));
  for (let i = 0; i < 3; i++) sa.push(await student(a.id, 2, "B"));
  await student(a.id, 3, "C", "WITHDRAWN");
  const sb = [await student(b.id, 1, "A"), await student(b.id, 1, "A"), await student(b.id, 2, "A")];

  const today = dayFromIso(todayInLima(now));
  await db.attendanceDay.createMany({
    data: [
      { schoolId: a.id, grade: 1, section: "A", date: today },
      { schoolId: b.id, grade: 1, section: "A", date: today },
      { schoolId: a.id, grade: 2, section: "B", date: dayFromIso("2026-11-20") },
    ],
  });

  const alert = (schoolId: string, studentId: string, status: "OPEN" | "DISMISSED") =>
    db.alert.create({
      data: {
        schoolId,
        studentId,
        kind: "CONSECUTIVE_UNJUSTIFIED",
        status,
        figures: {},
        openKey: status === "OPEN" ? `${studentId}:CONSECUTIVE_UNJUSTIFIED` : null,
      },
    });
  await alert(a.id, sa[0].id, "OPEN");
  await alert(a.id, sa[1].id, "OPEN");
  await alert(a.id, sa[2].id, "DISMISSED");
  await alert(b.id, sb[0].id, "OPEN");

  const psych = await db.user.create({
    data: { email: "psi@t.pe", name: "Psi", passwordHash: "x", role: "PSYCHOLOGIST" },
  });
  ids.psych = psych.id;
  const kase = (schoolId: string, studentId: string, state: "OPEN" | "CLOSED" = "OPEN") =>
    db.case.create({
      data: {
        schoolId,
        studentId,
        state,
        openKey: state === "CLOSED" ? null : studentId,
        ...(state === "CLOSED" ? { outcome: "REINTEGRATED" as const, closedAt: new Date() } : {}),
      },
    });
  const c1 = await kase(a.id, sa[0].id);
  const c2 = await kase(a.id, sa[1].id);
  await kase(a.id, sa[2].id, "CLOSED");
  const c4 = await kase(b.id, sb[0].id);
  await db.caseAssignment.create({ data: { caseId: c1.id, userId: psych.id, schoolId: a.id } });

  const demuna = await db.agency.create({
    data: { code: "DEMUNA-T", type: "DEMUNA", name: "DEMUNA T", region: "R", district: "D" },
  });
  const cem = await db.agency.create({
    data: { code: "CEM-T", type: "CEM", name: "CEM T", region: "R", district: "D" },
  });
  ids.demuna = demuna.id;
  ids.cem = cem.id;
  const demunaStaff = await db.user.create({
    data: { email: "demuna@t.pe", name: "Demuna", passwordHash: "x", role: "AGENCY_STAFF", agencyId: demuna.id },
  });
  ids.demunaStaff = demunaStaff.id;
  const referral = (
    c: { id: string; schoolId: string; studentId: string },
    agencyId: string,
    status: "SENT" | "ACCEPTED",
    dueAt: string,
  ) =>
    db.referral.create({
      data: {
        caseId: c.id,
        schoolId: c.schoolId,
        studentId: c.studentId,
        agencyId,
        reason: "r",
        urgency: "PRIORITY",
        legalBasis: "CHILD_PROTECTION_DUTY",
        legalNorm: "Ley 30364",
        status,
        dueAt: new Date(dueAt),
      },
    });
  await referral(c1, demuna.id, "SENT", "2026-11-20T00:00:00Z"); // overdue
  await referral(c2, demuna.id, "ACCEPTED", "2026-11-20T00:00:00Z"); // answered: not overdue
  await referral(c4, cem.id, "SENT", "2026-12-20T00:00:00Z");
});
afterAll(async () => {
  await t.drop();
});

describe("[HOME] figures follow the caller's scope", () => {
  it("a director sees their own school's active roster, open alerts, open cases and today's sections", async () => {
    const figures = await getHomeStats(sessionUser("DIRECTOR", [ids.a]), now);
    expect(byId(figures)).toEqual({ students: 7, "open-alerts": 2, "open-cases": 2, "attendance-today": 1 });
    expect(figures.stats.find((s) => s.id === "attendance-today")?.hint?.values).toEqual({ total: 2 });
    // Counted for this request: the page has no age to print.
    expect(figures.computedAt).toBeNull();
  });

  it("a tutor sees roster and attendance but no alert or case figures", async () => {
    expect(byId(await getHomeStats(sessionUser("TUTOR", [ids.b]), now))).toEqual({
      students: 3,
      "attendance-today": 1,
    });
  });

  it("a psychologist counts the open cases of their schools, their own assignments and overdue referrals", async () => {
    const stats = await getHomeStats(sessionUser("PSYCHOLOGIST", [ids.a], { id: ids.psych }), now);
    expect(byId(stats)).toEqual({ "open-cases": 2, "my-cases": 1, "overdue-referrals": 1 });
  });

  it("a coordinator gets territory aggregates with every count under 5 suppressed", async () => {
    const before = Date.now();
    const figures = await getHomeStats(sessionUser("COORDINATOR", [ids.a, ids.b]), now);
    // Kept per process for a while: the page prints when they were computed.
    expect(figures.computedAt!.getTime()).toBeGreaterThanOrEqual(before);
    const stats = byId(figures);
    expect(stats).toEqual({
      "students-followed": 10,
      "students-alerted": "suppressed",
      "open-cases": "suppressed",
      "referrals-sent": "suppressed",
      "referrals-accepted": "suppressed",
      "referrals-rejected": "suppressed",
      "referrals-in-progress": "suppressed",
      "referrals-closed": "suppressed",
    });
  });

  it("agency staff count only referrals sent to their agency", async () => {
    const demuna = byId(
      await getHomeStats(sessionUser("AGENCY_STAFF", [], { agencyId: ids.demuna, agencyType: "DEMUNA" }), now),
    );
    expect(demuna).toEqual({ "referrals-waiting": 1, "referrals-in-progress": 1, "overdue-referrals": 1 });
    const cem = byId(
      await getHomeStats(sessionUser("AGENCY_STAFF", [], { agencyId: ids.cem, agencyType: "CEM" }), now),
    );
    expect(cem).toEqual({ "referrals-waiting": 1, "referrals-in-progress": 0, "overdue-referrals": 0 });
  });

  it("agency staff without an agency see zeros, not every referral", async () => {
    const none = byId(await getHomeStats(sessionUser("AGENCY_STAFF", []), now));
    expect(none).toEqual({ "referrals-waiting": 0, "referrals-in-progress": 0, "overdue-referrals": 0 });
  });

  it("an administrator gets configuration counts only", async () => {
    expect(byId(await getHomeStats(sessionUser("ADMIN", []), now))).toEqual({ users: 2, schools: 2, agencies: 2 });
  });
});

describe("[HOME] every figure links to the list of what it counts", () => {
  const hrefs = (figures: Awaited<ReturnType<typeof getHomeStats>>) =>
    Object.fromEntries(figures.stats.map((s) => [s.id, s.href]));
  const query = (href: string) => new URL(href, "http://x").searchParams;

  it("each role's cards carry the filtered list's address", async () => {
    expect(hrefs(await getHomeStats(sessionUser("DIRECTOR", [ids.a]), now))).toEqual({
      students: "/students?status=ACTIVE",
      "open-alerts": "/alerts",
      "open-cases": "/cases?state=NOT_CLOSED",
      "attendance-today": "/attendance#hoy",
    });
    expect(hrefs(await getHomeStats(sessionUser("PSYCHOLOGIST", [ids.a], { id: ids.psych }), now))).toEqual({
      "open-cases": "/cases?state=NOT_CLOSED",
      "my-cases": "/cases?state=NOT_CLOSED&assignee=me",
      "overdue-referrals": "/referrals?overdue=1",
    });
    expect(
      hrefs(await getHomeStats(sessionUser("AGENCY_STAFF", [], { agencyId: ids.demuna, agencyType: "DEMUNA" }), now)),
    ).toEqual({
      "referrals-waiting": "/referrals?status=SENT",
      "referrals-in-progress": "/referrals?status=ACCEPTED&status=IN_PROGRESS",
      "overdue-referrals": "/referrals?overdue=1",
    });
    const coordinator = await getHomeStats(sessionUser("COORDINATOR", [ids.a, ids.b]), now);
    expect(hrefs(coordinator)).toMatchObject({
      "students-followed": "/reports#grade-sex",
      "students-alerted": "/reports#grade-sex",
      "open-cases": "/reports#funnel",
      "referrals-sent": "/reports#referrals",
      "referrals-closed": "/reports#referrals",
    });
    expect(coordinator.stats.every((s) => s.href.startsWith("/reports#"))).toBe(true);
    expect(hrefs(await getHomeStats(sessionUser("ADMIN", []), now))).toEqual({
      users: "/admin/users",
      schools: "/admin/schools",
      agencies: "/admin/agencies",
    });
  });

  it("the referral links use the inbox's filters: overdue=1 and the statuses the card counts", () => {
    expect(query("/referrals?overdue=1").get("overdue")).toBe("1");
    expect(query("/referrals?status=ACCEPTED&status=IN_PROGRESS").getAll("status")).toEqual([
      "ACCEPTED",
      "IN_PROGRESS",
    ]);
  });

  it("the case, referral and student lists behind the cards hold exactly the counted rows", async () => {
    const psych = sessionUser("PSYCHOLOGIST", [ids.a], { id: ids.psych });
    const { stats } = await getHomeStats(psych, now);
    for (const id of ["open-cases", "my-cases"]) {
      const stat = stats.find((s) => s.id === id)!;
      const listed = await findCases(psych, parseListParams(query(stat.href), ZCaseListFilters));
      expect(listed.total).toBe(stat.value);
    }
    // The referral cards: the inbox with the card's URL filters (overdue=1, the statuses) at the same instant.
    const demuna = sessionUser("AGENCY_STAFF", [], { id: ids.demunaStaff, agencyId: ids.demuna, agencyType: "DEMUNA" });
    const referralCards = [
      ...(await getHomeStats(demuna, now)).stats.map((stat) => ({ user: demuna, stat })),
      { user: psych, stat: stats.find((s) => s.id === "overdue-referrals")! },
    ];
    for (const { user, stat } of referralCards) {
      const params = Object.fromEntries([...query(stat.href).keys()].map((k) => [k, query(stat.href).getAll(k)]));
      const listed = await findReferrals(user, parseReferralListParams(params), undefined, undefined, now);
      expect(listed.total, `${user.role} ${stat.id}`).toBe(stat.value);
    }
    expect(referralCards.map(({ stat }) => stat.value)).toEqual([1, 1, 1, 1]);
    const director = sessionUser("DIRECTOR", [ids.a]);
    const students = (await getHomeStats(director, now)).stats.find((s) => s.id === "students")!;
    const listed = await findStudents(director, parseListParams(query(students.href), ZStudentListFilters));
    expect(listed.total).toBe(students.value);
  });
});
