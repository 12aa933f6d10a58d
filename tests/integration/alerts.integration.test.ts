import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeAlerts, computeAlertsForStudents } from "../../lib/alerts/compute";
import { candidatesSql } from "../../lib/alerts/compute-sql";
import { findOpenAlerts } from "../../lib/alerts/queries";
import { dismissAlert } from "../../lib/alerts/review";
import { listAlertRules, updateAlertRule, updateAlertRules } from "../../lib/alerts/rule-settings";
import { evaluateStudent, type DayStatus } from "../../lib/alerts/rules";
import { COMPUTED_KINDS, DEFAULT_RULES, type ComputedKind, type RuleConfig } from "../../lib/alerts/schema";
import { loadSessionUser } from "../../lib/auth/session";
import type { SessionUser } from "../../lib/auth/types";
import { createPrismaClient, type Db } from "../../lib/db";
import { openCaseFromAlert } from "../../lib/cases/open-case";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// Part 1: the SQL engine against the TypeScript reference on generated attendance with the
// awkward cases mixed in (sections with different school days, mid-term joiners, rows missing
// on school days, rows on days that are not school days of the section, reviewed alerts).
// Part 2: the pilot demo data, the inbox's scope, dismissal and rule settings.

let seeded: TestDatabase;
let generated: TestDatabase;
/** Client of the generated-data database; the shared client of lib/db serves the seeded one. */
let gen: { db: Db };
beforeAll(async () => {
  seeded = await createTestDatabase({ seeded: true });
  await seeded.db.$queryRaw`SELECT 1`; // binds the shared client to the seeded database
  generated = await createTestDatabase();
  process.env.DATABASE_URL = seeded.url;
  gen = { db: createPrismaClient(generated.url) };
});
afterAll(async () => {
  await gen.db.$disconnect();
  await generated.drop();
  await seeded.drop();
});
const t = {
  get db() {
    return gen.db;
  },
};

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (base: string, offset: number) => {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

type Fixture = { schoolIds: string[]; studentIds: string[] };

async function insertSchool(code: string): Promise<string> {
  const s = await t.db.school.create({
    data: { codigoModular: code, name: `IE ${code}`, region: "Lima", province: "Lima", district: "Lima" },
  });
  return s.id;
}

/** Random attendance for `perSection` students in each of `sections` sections of a school. */
async function generate(seed: number, code: string, sections: number, perSection: number): Promise<Fixture> {
  const rnd = prng(seed);
  const schoolId = await insertSchool(code);
  const studentIds: string[] = [];
  const attendance: { studentId: string; date: string; status: DayStatus }[] = [];
  const days: { grade: number; section: string; date: string }[] = [];
  for (let k = 0; k < sections; k++) {
    const grade = 1 + (k % 5);
    const section = String.fromCharCode(65 + Math.floor(k / 5));
    // Each section has its own calendar: 25–70 days out of a 100-day span, random gaps.
    const sectionDays = Array.from({ length: 100 }, (_, i) => iso("2026-03-02", i)).filter(
      () => rnd() < 0.25 + (0.45 * (k % 3)) / 2,
    );
    for (const date of sectionDays) days.push({ grade, section, date });
    const absentProbability = [0.02, 0.08, 0.2, 0.4][k % 4];
    for (let n = 0; n < perSection; n++) {
      const student = await t.db.student.create({
        data: {
          schoolId,
          documentType: "DNI",
          documentNumber: `${seed}${k}${n}`.padStart(8, "0").slice(-8) + String(n),
          paternalSurname: "P",
          givenNames: `S${n}`,
          sex: n % 2 ? "F" : "M",
          grade,
          section,
        },
      });
      studentIds.push(student.id);
      const joinAt = rnd() < 0.2 ? Math.floor(rnd() * sectionDays.length) : 0;
      let streak = false;
      sectionDays.forEach((date, i) => {
        if (i < joinAt || rnd() < 0.05) return; // not yet enrolled, or a row the tutor never wrote
        streak = streak ? rnd() < 0.7 : rnd() < absentProbability;
        const status: DayStatus = streak
          ? rnd() < 0.8
            ? "UNJUSTIFIED"
            : "JUSTIFIED"
          : rnd() < 0.1
            ? "LATE"
            : "PRESENT";
        attendance.push({ studentId: student.id, date, status });
      });
      // A row on a day the section did not take attendance (moved section, stray import).
      if (rnd() < 0.1) attendance.push({ studentId: student.id, date: "2026-02-27", status: "UNJUSTIFIED" });
    }
  }
  await t.db.attendanceDay.createMany({
    data: days.map((d) => ({ schoolId, ...d, date: new Date(`${d.date}T00:00:00Z`) })),
  });
  await t.db.attendance.createMany({
    data: attendance.map((a) => ({ ...a, schoolId, date: new Date(`${a.date}T00:00:00Z`) })),
  });
  return { schoolIds: [schoolId], studentIds };
}

const dayText = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** What the TypeScript reference says for every student of a school, read from the database. */
async function referenceCandidates(schoolId: string) {
  const rules: RuleConfig[] = (await t.db.alertRule.findMany({ where: { schoolId } })).map((r) => ({
    ...r,
    kind: r.kind as ComputedKind,
  }));
  const students = await t.db.student.findMany({
    where: { schoolId, status: "ACTIVE" },
    select: { id: true, grade: true, section: true },
  });
  const days = await t.db.attendanceDay.findMany({ where: { schoolId } });
  const rows = await t.db.attendance.findMany({ where: { schoolId } });
  const reviewed = await t.db.alert.findMany({ where: { schoolId, status: { not: "OPEN" } } });
  const out: string[] = [];
  for (const s of students) {
    const coveredUntil: Partial<Record<ComputedKind, string>> = {};
    for (const a of reviewed.filter((x) => x.studentId === s.id && x.lastDate)) {
      const k = a.kind as ComputedKind;
      const d = dayText(a.lastDate)!;
      if (!coveredUntil[k] || d > coveredUntil[k]!) coveredUntil[k] = d;
    }
    const history = {
      sectionDays: days.filter((d) => d.grade === s.grade && d.section === s.section).map((d) => dayText(d.date)!),
      attendance: new Map(
        rows.filter((r) => r.studentId === s.id).map((r) => [dayText(r.date)!, r.status as DayStatus]),
      ),
      coveredUntil,
    };
    for (const c of evaluateStudent(rules, history)) {
      out.push(JSON.stringify([s.id, c.kind, c.firstDate, c.lastDate, sortKeys(c.figures)]));
    }
  }
  return out.sort();
}

function sortKeys(o: object) {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

async function sqlCandidates(schoolId: string) {
  const rows = await t.db.$queryRaw<
    { studentId: string; kind: string; firstDate: Date; lastDate: Date; figures: object }[]
  >(candidatesSql({ schoolId }));
  return rows
    .map((r) => JSON.stringify([r.studentId, r.kind, dayText(r.firstDate), dayText(r.lastDate), sortKeys(r.figures)]))
    .sort();
}

async function openAlertRows(schoolId: string) {
  const rows = await t.db.alert.findMany({
    where: { schoolId, status: "OPEN" },
    orderBy: [{ studentId: "asc" }, { kind: "asc" }],
  });
  return rows.map((r) => ({
    studentId: r.studentId,
    kind: r.kind,
    figures: r.figures,
    firstDate: r.firstDate,
    lastDate: r.lastDate,
  }));
}

describe("[ALERTS] SQL engine agrees with the reference rules", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await generate(7, "9000001", 12, 12);
    await computeAlerts(t.db, { schoolId: fx.schoolIds[0] }); // also writes the default rules
  });

  it("produces exactly the candidates of the TypeScript reference, figures and dates included", async () => {
    const reference = await referenceCandidates(fx.schoolIds[0]);
    expect(reference.length).toBeGreaterThan(20);
    for (const kind of COMPUTED_KINDS) expect(reference.some((r) => r.includes(`"${kind}"`))).toBe(true);
    expect(await sqlCandidates(fx.schoolIds[0])).toEqual(reference);
  });

  it("agrees with non-default rules, an inactive rule and reviewed alerts", async () => {
    const schoolId = fx.schoolIds[0];
    await t.db.alertRule.update({
      where: { schoolId_kind: { schoolId, kind: "CONSECUTIVE_UNJUSTIFIED" } },
      data: { threshold: 4 },
    });
    await t.db.alertRule.update({
      where: { schoolId_kind: { schoolId, kind: "UNJUSTIFIED_RATE" } },
      data: { threshold: 12.5, windowDays: 8 },
    });
    await t.db.alertRule.update({
      where: { schoolId_kind: { schoolId, kind: "CHRONIC_TIER3" } },
      data: { active: false },
    });
    // Review half of the open alerts: their evidence must not fire again.
    const open = await t.db.alert.findMany({ where: { schoolId, status: "OPEN" }, orderBy: { id: "asc" } });
    const reviewed = open.filter((_, i) => i % 2 === 0);
    for (const a of reviewed) {
      await t.db.alert.update({
        where: { id: a.id },
        data: { status: "DISMISSED", openKey: null, dismissReason: "prueba" },
      });
    }
    expect(reviewed.length).toBeGreaterThan(5);
    const reference = await referenceCandidates(schoolId);
    expect(await sqlCandidates(schoolId)).toEqual(reference);
    // Restore the defaults for the next tests.
    for (const [kind, r] of Object.entries(DEFAULT_RULES)) {
      await t.db.alertRule.update({
        where: { schoolId_kind: { schoolId, kind: kind as ComputedKind } },
        data: { ...r, active: true },
      });
    }
  });
});

describe("[ALERTS] recomputation", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await generate(11, "9000002", 6, 10);
  });

  it("recomputing twice gives the same alerts, no duplicates, figures kept", async () => {
    const schoolId = fx.schoolIds[0];
    const first = await computeAlerts(t.db, { schoolId });
    expect(first.opened).toBeGreaterThan(0);
    expect(first.stillOpen).toBe(0);
    expect(first.studentsEvaluated).toBe(60);
    const before = await openAlertRows(schoolId);
    const second = await computeAlerts(t.db, { schoolId });
    expect(second).toMatchObject({ opened: 0, stillOpen: first.opened, studentsEvaluated: 60 });
    expect(await openAlertRows(schoolId)).toEqual(before);
    const dupes = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT "studentId", kind FROM alert WHERE status = 'OPEN' GROUP BY 1, 2 HAVING count(*) > 1) x`;
    expect(dupes[0].n).toBe(0);
  });

  it("the incremental recompute of some students equals the full one restricted to them", async () => {
    const schoolId = fx.schoolIds[0];
    const some = fx.studentIds.filter((_, i) => i % 3 === 0);
    await t.db.alert.deleteMany({ where: { schoolId } });
    const inc = await computeAlertsForStudents(t.db, { schoolId, studentIds: [...some, ...some] });
    expect(inc.studentsEvaluated).toBe(some.length);
    const incremental = (await openAlertRows(schoolId)).map((a) => JSON.stringify(a));
    expect(incremental.length).toBeGreaterThan(0);
    await t.db.alert.deleteMany({ where: { schoolId } });
    await computeAlerts(t.db, { schoolId });
    const full = (await openAlertRows(schoolId))
      .filter((a) => some.includes(a.studentId))
      .map((a) => JSON.stringify(a));
    expect(incremental).toEqual(full);
  });

  it("an incremental call ignores students of another school", async () => {
    const other = await generate(13, "9000003", 1, 5);
    const summary = await computeAlertsForStudents(t.db, { schoolId: fx.schoolIds[0], studentIds: other.studentIds });
    expect(summary.studentsEvaluated).toBe(0);
    expect(await t.db.alert.count({ where: { schoolId: other.schoolIds[0] } })).toBe(0);
  });
});

// ───────────────────────────── the pilot demo data ─────────────────────────────

async function userByEmail(email: string): Promise<SessionUser> {
  const u = await seeded.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await loadSessionUser(u.id))!;
}

type AlertRow = {
  studentId: string;
  kind: string;
  status: string;
  figures: unknown;
  firstDate: Date | null;
  lastDate: Date | null;
};
const alertKey = (a: AlertRow) =>
  JSON.stringify([a.studentId, a.kind, dayText(a.firstDate), dayText(a.lastDate), sortKeys(a.figures as object)]);

describe("[ALERTS] on the pilot demo data", () => {
  it("the seed's alerts are exactly what the engine computes: 278 students, and a recompute opens nothing", async () => {
    const db = seeded.db;
    const stored: AlertRow[] = await db.alert.findMany({ where: { kind: { not: "CONCERN" } } });
    expect(new Set(stored.map((a) => a.studentId)).size).toBe(278);
    const openBefore = await db.alert.count({ where: { status: "OPEN" } });

    const first = await computeAlerts(db);
    expect(first.opened).toBe(0);
    expect(first.studentsEvaluated).toBe(2356);
    const second = await computeAlerts(db);
    expect(second.opened).toBe(0);
    expect(await db.alert.count({ where: { status: "OPEN" } })).toBe(openBefore);

    // From scratch (no alert reviewed yet), the engine's candidates are the stored alerts.
    const fromScratch = await db
      .$transaction(async (tx) => {
        await tx.alert.deleteMany({});
        const rows = await tx.$queryRaw<AlertRow[]>(candidatesSql({}));
        throw Object.assign(new Error("rollback"), { rows });
      })
      .catch((e: { rows?: AlertRow[] }) => e.rows ?? []);
    expect(fromScratch.map(alertKey).sort()).toEqual(stored.map(alertKey).sort());
    expect(new Set(fromScratch.map((a) => a.studentId)).size).toBe(278);
  });

  it("[SCOPE] a director sees only their school's students with open alerts; other roles none", async () => {
    const director = await userByEmail("director@demo.pe");
    const sjl = await userByEmail("director.sjl@demo.pe");
    const page = await findOpenAlerts(director, {});
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.every((r) => director.schoolIds.includes(r.school.id))).toBe(true);
    const open = await seeded.db.alert.findMany({
      where: { status: "OPEN", schoolId: director.schoolIds[0] },
      select: { studentId: true },
    });
    expect(page.total).toBe(new Set(open.map((a) => a.studentId)).size);
    const other = await findOpenAlerts(sjl, {});
    expect(other.rows.some((r) => director.schoolIds.includes(r.school.id))).toBe(false);
    // The student with the newest alert first, with grade, section and sex.
    const newest = page.rows.map((r) => Math.max(...r.alerts.map((a) => a.createdAt.getTime())));
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    expect(page.rows[0].student).toMatchObject({
      grade: expect.any(Number),
      section: expect.any(String),
      sex: expect.stringMatching(/^[FM]$/),
    });
    for (const email of ["coordinador@demo.pe", "tutor@demo.pe", "admin@demo.pe", "demuna@demo.pe"]) {
      await expect(findOpenAlerts(await userByEmail(email), {})).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("shows each student once with all of their open alerts, and pages by student", async () => {
    const director = await userByEmail("director@demo.pe");
    const first = await findOpenAlerts(director, {}, 5);
    const pages = [first];
    for (let p = 2; p <= first.pageCount; p++) pages.push(await findOpenAlerts(director, { page: p }, 5));
    const rows = pages.flatMap((p) => p.rows);
    expect(first.pageCount).toBe(Math.ceil(first.total / first.pageSize));
    expect(first.pageCount).toBeGreaterThan(1);
    expect(rows).toHaveLength(first.total);
    expect(new Set(rows.map((r) => r.student.id)).size).toBe(rows.length);

    const open = await seeded.db.alert.findMany({
      where: { status: "OPEN", schoolId: director.schoolIds[0] },
      select: { id: true, studentId: true },
    });
    expect(rows.flatMap((r) => r.alerts.map((a) => a.id)).sort()).toEqual(open.map((a) => a.id).sort());
    // The demo has students with several open alerts; they are one row, not one per alert.
    const several = rows.find((r) => r.alerts.length > 1);
    expect(several).toBeDefined();
    expect(several!.alerts.map((a) => a.id).sort()).toEqual(
      open
        .filter((a) => a.studentId === several!.student.id)
        .map((a) => a.id)
        .sort(),
    );
    // A page past the end shows the last page.
    expect((await findOpenAlerts(director, { page: 999 }, 5)).page).toBe(first.pageCount);
  });

  it("each row's name, school, alert dates, open case and the filters' sections match the records", async () => {
    const director = await userByEmail("director@demo.pe");
    const page = await findOpenAlerts(director, {});
    const ids = page.rows.map((r) => r.student.id);
    const students = await seeded.db.student.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        paternalSurname: true,
        maternalSurname: true,
        givenNames: true,
        school: { select: { id: true, name: true } },
        cases: { where: { openKey: { not: null } }, select: { id: true } },
        alerts: { where: { status: "OPEN" }, select: { id: true, createdAt: true } },
      },
    });
    const byId = new Map(students.map((x) => [x.id, x]));
    for (const row of page.rows) {
      const st = byId.get(row.student.id)!;
      const name = `${[st.paternalSurname, st.maternalSurname].filter(Boolean).join(" ")}, ${st.givenNames}`;
      expect(row.student.name).toBe(name);
      expect(row.school).toEqual(st.school);
      expect(row.openCaseId).toBe(st.cases[0]?.id ?? null);
      const created = new Map(st.alerts.map((a) => [a.id, a.createdAt.getTime()]));
      for (const a of row.alerts) expect(a.createdAt.getTime()).toBe(created.get(a.id));
    }
    // The open-case marker: a student with two open alerts gets a case from one of them; the
    // other stays in the inbox, marked with the case.
    const all = await findOpenAlerts(director, {}, 1000);
    const several = all.rows.filter((r) => r.alerts.length > 1 && r.openCaseId === null).at(-1)!;
    const { caseId } = await openCaseFromAlert(director, { alertId: several.alerts[0].id }, { via: "web" });
    const { grade, section, sex } = several.student;
    const narrowed = await findOpenAlerts(director, { grade, section, sex }, 1000);
    const marked = narrowed.rows.find((r) => r.student.id === several.student.id)!;
    expect(marked.openCaseId).toBe(caseId);
    expect(marked.alerts.map((a) => a.id)).toEqual(several.alerts.slice(1).map((a) => a.id));
    const sections = await seeded.db.student.findMany({
      where: { schoolId: { in: director.schoolIds }, alerts: { some: { status: "OPEN" } } },
      distinct: ["grade", "section"],
      select: { grade: true, section: true },
      orderBy: [{ grade: "asc" }, { section: "asc" }],
    });
    expect(page.sections).toEqual(sections);
    // Past the end: the last page, with its rows.
    const last = await findOpenAlerts(director, { page: 999 }, 5);
    expect(last.rows.length).toBeGreaterThan(0);
    expect(last.rows.length).toBe(last.total - (last.pageCount - 1) * 5);
  });

  it("filters by kind, grade, section and sex", async () => {
    const director = await userByEmail("director@demo.pe");
    const all = await findOpenAlerts(director, {});
    const row = all.rows[0];
    const kind = row.alerts[0].kind as ComputedKind;
    const filtered = await findOpenAlerts(director, {
      kind,
      grade: row.student.grade,
      section: row.student.section,
      sex: row.student.sex,
    });
    expect(filtered.rows.map((x) => x.student.id)).toContain(row.student.id);
    expect(filtered.total).toBeLessThan(all.total);
    expect(
      filtered.rows.every(
        (x) =>
          x.alerts.some((a) => a.kind === kind) &&
          x.student.grade === row.student.grade &&
          x.student.section === row.student.section &&
          x.student.sex === row.student.sex,
      ),
    ).toBe(true);
  });

  it("dismissing needs a reason, is audited, cannot happen twice, and the evidence does not fire again", async () => {
    const db = seeded.db;
    const director = await userByEmail("director@demo.pe");
    const sjl = await userByEmail("director.sjl@demo.pe");
    const first = (await findOpenAlerts(director, {})).rows[0];
    const alert = { ...first.alerts[0], school: first.school, student: first.student };

    await expect(dismissAlert(director, { alertId: alert.id, reason: " " }, { via: "web" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "Escriba el motivo para descartar la alerta (al menos 5 caracteres).",
    });
    await expect(
      dismissAlert(sjl, { alertId: alert.id, reason: "La familia avisó por teléfono" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.alert.findUniqueOrThrow({ where: { id: alert.id } })).status).toBe("OPEN");

    await dismissAlert(
      director,
      { alertId: alert.id, reason: "La familia avisó por teléfono" },
      { via: "web", ip: "127.0.0.1" },
    );
    const row = await db.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(row).toMatchObject({
      status: "DISMISSED",
      openKey: null,
      dismissReason: "La familia avisó por teléfono",
      resolvedById: director.id,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "alert.dismiss", entityId: alert.id } });
    expect(audit).toMatchObject({ actorId: director.id, schoolId: alert.school.id });
    await expect(dismissAlert(director, { alertId: alert.id, reason: "otra vez lo mismo" })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const summary = await computeAlertsForStudents(db, { schoolId: alert.school.id, studentIds: [alert.student.id] });
    expect(summary.opened).toBe(0);
    expect(
      await db.alert.count({
        where: { studentId: alert.student.id, kind: alert.kind as ComputedKind, status: "OPEN" },
      }),
    ).toBe(0);
  });

  it("rules: the administrator edits them (validated, audited); a director only reads", async () => {
    const admin = await userByEmail("admin@demo.pe");
    const director = await userByEmail("director@demo.pe");
    const schoolId = director.schoolIds[0];
    const mine = await listAlertRules(director);
    expect(mine.map((s) => s.id)).toEqual([schoolId]);
    expect(mine[0].rules.map((r) => [r.kind, r.threshold])).toEqual(
      COMPUTED_KINDS.map((k) => [k, DEFAULT_RULES[k].threshold]),
    );
    expect((await listAlertRules(admin)).length).toBe(4);

    const input = { schoolId, kind: "UNJUSTIFIED_RATE", threshold: "15", windowDays: "25", active: true };
    await expect(updateAlertRule(director, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateAlertRule(admin, { ...input, threshold: "150" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "El porcentaje debe estar entre 0 y 100.",
    });
    await expect(updateAlertRule(admin, { ...input, windowDays: "" })).rejects.toMatchObject({
      message: "Indique la ventana en días de clase.",
    });
    await expect(
      updateAlertRule(admin, { ...input, kind: "CONSECUTIVE_UNJUSTIFIED", threshold: "2.5" }),
    ).rejects.toMatchObject({
      message: "Las faltas seguidas deben ser un número entero entre 2 y 60.",
    });
    expect((await listAlertRules(director))[0].rules.find((r) => r.kind === "UNJUSTIFIED_RATE")).toMatchObject({
      threshold: 10,
      windowDays: 20,
    });

    await updateAlertRule(admin, input, { via: "web" });
    expect((await listAlertRules(director))[0].rules.find((r) => r.kind === "UNJUSTIFIED_RATE")).toMatchObject({
      threshold: 15,
      windowDays: 25,
      active: true,
    });
    const audit = await seeded.db.auditLog.findFirstOrThrow({ where: { action: "alertRule.update", schoolId } });
    expect(audit.details).toMatchObject({
      kind: "UNJUSTIFIED_RATE",
      before: { threshold: 10, windowDays: 20 },
      after: { threshold: 15, windowDays: 25 },
    });
  });

  it("rules: the administrator's table saves every school at once, writing only what changed", async () => {
    const admin = await userByEmail("admin@demo.pe");
    const schools = await listAlertRules(admin);
    const table = schools.flatMap((sc) =>
      sc.rules.map((r) => ({
        schoolId: sc.id,
        kind: r.kind,
        threshold: String(r.threshold),
        windowDays: r.windowDays === null ? "" : String(r.windowDays),
        active: r.active,
      })),
    );
    const audits = () => seeded.db.auditLog.count({ where: { action: "alertRule.update" } });
    const jobs = async () =>
      (
        await seeded.db.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'alerts.recompute-school' AND state = 'created'`
      )[0].n;
    const [auditsBefore, jobsBefore] = [await audits(), await jobs()];

    // Saved untouched: nothing is written.
    expect(await updateAlertRules(admin, { rules: table })).toEqual({ changed: 0 });
    expect(await audits()).toBe(auditsBefore);

    // One invalid cell refuses the whole table, naming the cell.
    const bad = table.map((r, i) => (i === 5 ? { ...r, threshold: "150" } : r));
    await expect(updateAlertRules(admin, { rules: bad })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      issues: [expect.objectContaining({ field: "rules.5.threshold" })],
    });

    // Two schools changed, posted as a form before hydration (flat field names).
    const edited = table.map((r, i) =>
      i === 0 ? { ...r, threshold: "5" } : i === table.length - 1 ? { ...r, active: false } : r,
    );
    const posted = Object.fromEntries(
      edited.flatMap((r, i) =>
        Object.entries(r)
          .filter(([k, v]) => !(k === "active" && v === false))
          .map(([k, v]) => [`rules.${i}.${k}`, k === "active" ? "on" : String(v)]),
      ),
    );
    expect(await updateAlertRules(admin, posted)).toEqual({ changed: 2 });
    expect(await audits()).toBe(auditsBefore + 2);
    expect(await jobs()).toBe(jobsBefore + 2);
    const after = await listAlertRules(admin);
    expect(after[0].rules[0]).toMatchObject({ threshold: 5, isDefault: false });
    expect(after.at(-1)!.rules.at(-1)).toMatchObject({ active: false });

    const director = await userByEmail("director@demo.pe");
    await expect(updateAlertRules(director, { rules: table })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
