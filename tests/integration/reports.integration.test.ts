import { createTranslator } from "use-intl/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "../../lib/auth/session";
import type { SessionUser } from "../../lib/auth/types";
import { getCasePrint, initials } from "../../lib/cases/case-print";
import { AppError } from "../../lib/errors/app-error";
import { EXPORTS, type Translate } from "../../lib/reports/csv";
import { exportReportCsv } from "../../lib/reports/export";
import { getReports, type Reports } from "../../lib/reports/load";
import type { TReportFilters } from "../../lib/reports/schema";
import type { Count } from "../../lib/reports/table-model";
import { UNREACHED_REASONS } from "../../lib/visits/reachability";
import { getMessages } from "../../messages";
import { schoolId } from "../../prisma/seed/people";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// /reports on the seeded demo: the pilot's figures come out of the data, coordinators get every
// count under 5 hidden in a way that cannot be undone by subtraction (page data and CSV alike),
// a director's reports cover their own school only, and the printable case summary shows each
// role what the case page shows it, with names in initials for those who do not work the case.

/** The article's figures (Barrio Seguro, "No Arrugues" pilot, 2019). */
const PILOT_FUNNEL = {
  followed: 2356,
  alerted: 278,
  reached: 100,
  evaluated: 63,
  referred: 45,
  attended: 31,
  reintegrated: 12,
};
const ARTICLE_PREVALENCE = [
  64.3, 22.6, 90.3, 86.7, 29.0, 90.3, 6.5, 61.3, 46.9, 56.3, 34.4, 63.6, 18.8, 80.7, 19.3, 64.5, 100,
];
const origin = { ip: "198.51.100.11", userAgent: "vitest (reports)", via: "web" as const };

let t: TestDatabase;
const users: Record<string, SessionUser> = {};
const as = (email: string) => users[email];

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  for (const email of [
    "coordinador@demo.pe",
    "psicologo@demo.pe",
    "social@demo.pe",
    "educador@demo.pe",
    "director@demo.pe",
    "tutor@demo.pe",
    "admin@demo.pe",
    "demuna@demo.pe",
  ]) {
    const u = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    users[email] = (await loadSessionUser(u.id))!;
  }
});
afterAll(async () => {
  await t.drop();
});

const expectNotFound = (p: Promise<unknown>) =>
  expect(p).rejects.toSatisfy((e) => e instanceof AppError && e.code === "NOT_FOUND");

describe("[REPORTS] the pilot's figures, computed from the demo data", () => {
  it("the funnel: 2,356 → 278 (11.8 %) → 100 (36 %) → 63 → 45 referred → 31 attended → 12 reintegrated", async () => {
    const r = await getReports(as("psicologo@demo.pe"), {});
    const steps = Object.fromEntries(r.funnel!.total.steps.map((s) => [s.step, s.count]));
    expect(steps).toEqual(PILOT_FUNNEL);
    const pct = Object.fromEntries(r.funnel!.total.steps.map((s) => [s.step, s.pctOfPrevious]));
    expect(pct).toMatchObject({ alerted: 11.8, reached: 36 });
    // The schools add up to the total, step by step.
    for (const [k, step] of r.funnel!.total.steps.entries())
      expect(r.funnel!.schools.reduce((n, s) => n + (s.column.steps[k].count as number), 0)).toBe(step.count);
    // Closed cases by outcome, every path: their total is the sum of the outcomes.
    const o = r.funnel!.total.outcomes as Record<string, number>;
    expect(r.funnel!.total.closed).toBe(Object.values(o).reduce((a, b) => a + b, 0));
    expect(o.REINTEGRATED).toBe(PILOT_FUNNEL.reintegrated);
  });

  it("risk prevalence per item, version 1: the article's table, with each n", async () => {
    const r = await getReports(as("psicologo@demo.pe"), {});
    const v1 = r.prevalence!.find((p) => p.instrumentVersion === 1)!;
    expect(v1.evaluatedStudents).toBe(PILOT_FUNNEL.evaluated);
    const risk = v1.rows.filter((x) => x.domain !== "PROTECTIVE");
    expect(risk.map((x) => x.percent)).toEqual(ARTICLE_PREVALENCE);
    const lowMotivation = risk.find((x) => x.code === "little_constructive_free_time")!;
    expect([lowMotivation.present, lowMotivation.answered]).toEqual([46, 57]); // 80.7 % = 46/57
  });

  it("grade × sex shows girls over-represented among the alerted in 2° and 4°", async () => {
    const { gradeSex } = await getReports(as("psicologo@demo.pe"), {});
    const rate = (grade: number, sex: "F" | "M") => gradeSex!.rows.find((r) => r.grade === grade)!.cells[sex].rate!;
    for (const g of [2, 4]) expect(rate(g, "F")).toBeGreaterThan(rate(g, "M"));
    for (const g of [1, 3, 5]) expect(rate(g, "F")).toBeLessThan(rate(g, "M"));
    expect(gradeSex!.total.cells.T).toMatchObject({ followed: 2356, alerted: 278 });
  });

  it("referral response times per agency come from percentile_cont over the referrals, overdue as the shared definition", async () => {
    const { referrals } = await getReports(as("psicologo@demo.pe"), {});
    const [row] = await t.db.$queryRaw<{ sent: number; overdue: number; median: number; p90: number }[]>`
      SELECT count(*)::int AS sent,
             count(*) FILTER (WHERE status = 'SENT' AND "dueAt" < now())::int AS overdue,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "respondedAt" - "sentAt") / 3600)
               FILTER (WHERE status IN ('ACCEPTED', 'IN_PROGRESS', 'CLOSED')) AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM "respondedAt" - "sentAt") / 3600)
               FILTER (WHERE status IN ('ACCEPTED', 'IN_PROGRESS', 'CLOSED')) AS p90
        FROM referral`;
    expect(referrals!.total).toMatchObject({ sent: row.sent, overdue: row.overdue });
    expect(row.overdue).toBeGreaterThan(0);
    expect(referrals!.total.toAcceptHours.median).toBeCloseTo(Number(row.median), 1);
    expect(referrals!.total.toAcceptHours.p90).toBeCloseTo(Number(row.p90), 1);
    expect(referrals!.agencies.reduce((n, a) => n + (a.times.sent as number), 0)).toBe(row.sent);
  });

  it("the period counts alerts raised in it, and later steps up to its end (dates taken from the data)", async () => {
    const [{ last }] = await t.db.$queryRaw<{ last: string }[]>`
      SELECT to_char(max("createdAt") AT TIME ZONE 'America/Lima', 'YYYY-MM-DD') AS last FROM alert`;
    const next = new Date(`${last}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const after = await getReports(as("psicologo@demo.pe"), { from: next.toISOString().slice(0, 10) });
    expect(after.funnel!.total.steps[1].count).toBe(0);
    const upTo = await getReports(as("psicologo@demo.pe"), { to: last });
    expect(upTo.funnel!.total.steps[1].count).toBe(PILOT_FUNNEL.alerted);
  });
});

/** Every printed count of two reports of the same scope, side by side (raw and protected). */
function pairs(raw: Reports, shown: Reports): [number, Count, string][] {
  const out: [number, Count, string][] = [];
  const add = (a: Count, b: Count, where: string) => out.push([a as number, b, where]);
  const f = [raw.funnel!, shown.funnel!];
  const columns = [
    [f[0].total, f[1].total, "total"] as const,
    ...f[0].schools.map((s, i) => [s.column, f[1].schools[i].column, s.school.codigoModular] as const),
  ];
  for (const [a, b, name] of columns) {
    a.steps.forEach((s, k) => add(s.count, b.steps[k].count, `funnel ${name} ${s.step}`));
    add(a.closed, b.closed, `funnel ${name} closed`);
    for (const o of Object.keys(a.outcomes) as (keyof typeof a.outcomes)[])
      add(a.outcomes[o], b.outcomes[o], `funnel ${name} ${o}`);
  }
  const g = [raw.gradeSex!, shown.gradeSex!];
  [...g[0].rows, g[0].total].forEach((row, i) => {
    const other = [...g[1].rows, g[1].total][i];
    for (const x of Object.keys(row.cells) as (keyof typeof row.cells)[]) {
      add(row.cells[x].followed, other.cells[x].followed, `grade ${row.grade} ${x} followed`);
      add(row.cells[x].alerted, other.cells[x].alerted, `grade ${row.grade} ${x} alerted`);
    }
  });
  raw.prevalence!.forEach((v, i) => {
    const w = shown.prevalence![i];
    add(v.evaluatedStudents, w.evaluatedStudents, `prevalence v${v.instrumentVersion} evaluated`);
    v.rows.forEach((r, j) => {
      add(r.present, w.rows[j].present, `prevalence ${r.code} present`);
      add(r.answered, w.rows[j].answered, `prevalence ${r.code} n`);
    });
  });
  const r = [raw.reachability!, shown.reachability!];
  const reachColumns = [
    [r[0].total, r[1].total],
    ...r[0].byGrade.map((x, i) => [x.cell, r[1].byGrade[i].cell]),
    ...r[0].bySex.map((x, i) => [x.cell, r[1].bySex[i].cell]),
    ...r[0].byGradeSex.map((x, i) => [x.cell, r[1].byGradeSex[i].cell]),
  ];
  for (const [a, b] of reachColumns) {
    add(a.alerted, b.alerted, "reach alerted");
    add(a.reached, b.reached, "reach reached");
    if (a.reasons) for (const x of UNREACHED_REASONS) add(a.reasons[x], b.reasons![x], `reach ${x}`);
  }
  const q = [raw.referrals!, shown.referrals!];
  [...q[0].agencies.map((a) => a.times), q[0].total].forEach((a, i) => {
    const b = [...q[1].agencies.map((x) => x.times), q[1].total][i];
    for (const m of ["sent", "accepted", "rejected", "closed", "overdue"] as const) add(a[m], b[m], `referrals ${m}`);
  });
  return out;
}

const hidden = (c: Count) => typeof c !== "number";

/** total = Σ parts as printed: a "< 5" member may not be the only hidden one (it would be total − the rest). */
function expectNotRecomputable(total: Count, parts: Count[], where: string) {
  const members = [total, ...parts];
  if (members.some((c) => c === "suppressed")) expect(members.filter(hidden).length, where).toBeGreaterThan(1);
}

/** A difference of two printed figures (a nested group) must not be a count from 1 to 4. */
function expectNoSmallDifference(outer: Count, inner: Count, where: string, zeroToo = false) {
  if (typeof outer === "number" && typeof inner === "number") {
    const d = outer - inner;
    expect(d >= 5 || d < 0 || (d === 0 && !zeroToo), `${where}: ${outer} − ${inner}`).toBe(true);
  }
}

function expectProtected(r: Reports) {
  const f = r.funnel!;
  for (const column of [f.total, ...f.schools.map((s) => s.column)]) {
    expectNotRecomputable(column.closed, Object.values(column.outcomes), "closed = Σ outcomes");
    for (let k = 1; k < column.steps.length - 1; k++)
      expectNoSmallDifference(column.steps[k].count, column.steps[k + 1].count, `funnel step ${k}`);
    expectNoSmallDifference(column.steps[0].count, column.steps[1].count, "not alerted", true);
  }
  if (f.schools.length > 1)
    f.total.steps.forEach((s, k) =>
      expectNotRecomputable(
        s.count,
        f.schools.map((x) => x.column.steps[k].count),
        `step ${s.step} = Σ schools`,
      ),
    );
  const g = r.gradeSex!;
  for (const m of ["followed", "alerted"] as const) {
    for (const row of [...g.rows, g.total])
      expectNotRecomputable(
        row.cells.T[m],
        g.sexes.map((x) => row.cells[x][m]),
        `grade ${row.grade} ${m} = F + M`,
      );
    for (const x of [...g.sexes, "T" as const])
      expectNotRecomputable(
        g.total.cells[x][m],
        g.rows.map((row) => row.cells[x][m]),
        `${x} ${m} = Σ grades`,
      );
  }
  for (const row of [...g.rows, g.total])
    for (const x of [...g.sexes, "T" as const])
      expectNoSmallDifference(row.cells[x].followed, row.cells[x].alerted, "not alerted", true);
  const reach = r.reachability!;
  for (const c of [reach.total, ...reach.byGrade.map((x) => x.cell), ...reach.bySex.map((x) => x.cell)]) {
    expectNotRecomputable(
      c.notReached!,
      UNREACHED_REASONS.map((x) => c.reasons![x]),
      "not reached = Σ reasons",
    );
    expectNotRecomputable(c.alerted, [c.reached, c.notReached!], "alerted = reached + not reached");
  }
  for (const x of UNREACHED_REASONS)
    expectNotRecomputable(
      reach.total.reasons![x],
      reach.byGrade.map((y) => y.cell.reasons![x]),
      `${x} = Σ grades`,
    );
  for (const v of r.prevalence!)
    for (const row of v.rows) expectNoSmallDifference(row.answered, row.present, `absent ${row.code}`, true);
  const q = r.referrals!;
  for (const m of ["sent", "accepted", "rejected", "closed", "overdue"] as const)
    expectNotRecomputable(
      q.total[m],
      q.agencies.map((a) => a.times[m]),
      `referrals ${m} = Σ agencies`,
    );
}

function translators(locale: "es" | "en") {
  const messages = getMessages(locale);
  return {
    t: createTranslator({ locale, messages, namespace: "reports" }) as unknown as Translate,
    tv: createTranslator({ locale, messages, namespace: "visits.reachability" }) as unknown as Translate,
    locale,
  };
}

describe("[REPORTS] coordinators read aggregates only", () => {
  const filterSets: TReportFilters[] = [{}, { grade: 2, sex: "F" }, { school: schoolId("2000002") }];

  for (const filters of filterSets) {
    it(`every count under 5 is hidden, and none can be recomputed from totals or siblings (${JSON.stringify(filters)})`, async () => {
      const raw = await getReports(as("psicologo@demo.pe"), filters); // same four schools, exact figures
      const coord = await getReports(as("coordinador@demo.pe"), filters);
      expect(raw.scope.schoolIds).toEqual(coord.scope.schoolIds);
      let small = 0;
      for (const [value, shown, where] of pairs(raw, coord)) {
        if (value < 5) {
          expect(shown, where).toBe("suppressed");
          small++;
        } else expect([value, "withheld"], where).toContain(shown);
      }
      expect(small).toBeGreaterThan(0);
      expectProtected(coord);
      // The exact figures of the case team are not protected (they read the cases themselves).
      expect(pairs(raw, raw).every(([, c]) => typeof c === "number")).toBe(true);
    });
  }

  it("the CSV exports say exactly what the page says: UTF-8 with BOM, ';' separators, accents intact, '<5' for small counts", async () => {
    const filters: TReportFilters = { grade: 2, sex: "F" };
    const page = await getReports(as("coordinador@demo.pe"), filters);
    const { csv, fileName } = await exportReportCsv(
      as("coordinador@demo.pe"),
      "funnel",
      filters,
      origin,
      translators("es"),
    );
    expect(fileName).toMatch(/^permanencia-funnel-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv
      .slice(1)
      .trimEnd()
      .split("\r\n")
      .map((l) => l.split(";"));
    expect(lines[0]).toContain("Con alerta de inasistencia");
    expect(lines[0]).toContain("Casos cerrados por resultado: Abandonó");
    expect(new Set(lines.map((l) => l.length)).size).toBe(1); // every row has every column
    const total = lines.at(-1)!;
    expect(total[0]).toBe("Total");
    const shown = (c: Count) => (c === "suppressed" ? "<5" : c === "withheld" ? "*" : String(c));
    expect([total[2], total[3], total[5]]).toEqual(page.funnel!.total.steps.slice(0, 3).map((s) => shown(s.count)));
    expect(csv).toContain("<5");
    for (const [i, school] of page.funnel!.schools.entries())
      expect(lines[i + 1].slice(0, 3)).toEqual([
        school.school.name,
        school.school.codigoModular,
        shown(school.column.steps[0].count),
      ]);
    // Percentages use a decimal comma, as Spanish Excel reads them.
    expect(total[4]).toMatch(/^\d+(,\d)?$|^$/);

    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { action: "report.export", actorId: as("coordinador@demo.pe").id },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ entity: "Report", entityId: "funnel", actorRole: "COORDINATOR" });
    expect(audit.details).toMatchObject({ filters: { grade: 2, sex: "F" }, schools: page.scope.schoolIds });
  });

  it("every export works and carries no student name", async () => {
    const names = await t.db.student.findMany({ select: { paternalSurname: true, givenNames: true }, take: 400 });
    for (const name of EXPORTS) {
      const { csv } = await exportReportCsv(as("coordinador@demo.pe"), name, {}, origin, translators("es"));
      expect(csv.split("\r\n").length, name).toBeGreaterThan(2);
      for (const n of names) expect(csv).not.toContain(`${n.paternalSurname}, ${n.givenNames}`);
    }
  });

  it("roles without reports.export cannot download, and roles without reports.read see no report", async () => {
    await expectNotFound(exportReportCsv(as("director@demo.pe"), "funnel", {}, origin, translators("es")));
    for (const email of ["tutor@demo.pe", "admin@demo.pe", "demuna@demo.pe"])
      await expectNotFound(getReports(as(email), {}));
  });
});

describe("[REPORTS] a director's reports cover their own school only", () => {
  it("funnel, grade × sex, prevalence, reachability and referrals count 1000001 and nothing else", async () => {
    const mine = schoolId("1000001");
    const r = await getReports(as("director@demo.pe"), {});
    expect(r.scope.schoolIds).toEqual([mine]);
    expect(r.scope.available.map((s) => s.codigoModular)).toEqual(["1000001"]);
    expect(r.scope.aggregateOnly).toBe(false);
    const count = async (sql: Promise<{ n: number }[]>) => (await sql)[0].n;
    expect(r.funnel!.total.steps[0].count).toBe(
      await count(t.db.$queryRaw`SELECT count(*)::int AS n FROM student WHERE "schoolId" = ${mine}::uuid`),
    );
    expect(r.funnel!.total.steps[1].count).toBe(
      await count(
        t.db.$queryRaw`SELECT count(DISTINCT "studentId")::int AS n FROM alert WHERE "schoolId" = ${mine}::uuid`,
      ),
    );
    expect(r.funnel!.schools).toEqual([]);
    expect(r.gradeSex!.total.cells.T.alerted).toBe(r.funnel!.total.steps[1].count);
    expect(r.reachability!.total.alerted).toBe(r.funnel!.total.steps[1].count);
    expect(r.referrals!.total.sent).toBe(
      await count(t.db.$queryRaw`SELECT count(*)::int AS n FROM referral WHERE "schoolId" = ${mine}::uuid`),
    );
    expect(r.prevalence![0].evaluatedStudents).toBe(
      await count(
        t.db
          .$queryRaw`SELECT count(DISTINCT "studentId")::int AS n FROM risk_evaluation WHERE "schoolId" = ${mine}::uuid AND status = 'SIGNED'`,
      ),
    );
    // Another school is not found, not an empty report; a territory filter never widens the scope.
    await expectNotFound(getReports(as("director@demo.pe"), { school: schoolId("2000002") }));
    const lima = await getReports(as("director@demo.pe"), { region: "Lima" });
    expect(lima.scope.schoolIds).toEqual([]);
    expect(lima.funnel!.total.steps[0].count).toBe(0);
  });
});

describe("[REPORTS] the printable case summary", () => {
  let caseId: string;
  let student: { paternalSurname: string; maternalSurname: string; givenNames: string; documentNumber: string | null };

  beforeAll(async () => {
    const c = await t.db.case.findFirstOrThrow({
      where: { schoolId: schoolId("1000001"), evaluations: { some: { status: "SIGNED" } }, referrals: { some: {} } },
      select: {
        id: true,
        student: { select: { paternalSurname: true, maternalSurname: true, givenNames: true, documentNumber: true } },
      },
      orderBy: { openedAt: "asc" },
    });
    caseId = c.id;
    student = c.student;
  });

  it("the psychologist prints the full name and the risk factors, audited as a case read and an evaluation read", async () => {
    const p = await getCasePrint(as("psicologo@demo.pe"), caseId, origin);
    expect(p.masked).toBe(false);
    expect(p.studentName).toBe(
      `${student.paternalSurname} ${student.maternalSurname}, ${student.givenNames}`.replace("  ", " "),
    );
    expect(p.file.contact).not.toBeNull();
    expect(p.answers!.answers.length).toBeGreaterThan(0);
    const reads = await t.db.auditLog.findMany({
      where: { actorId: as("psicologo@demo.pe").id, action: { in: ["case.read", "risk.evaluation.read"] } },
      select: { action: true, entityId: true, details: true },
    });
    expect(reads).toContainEqual(
      expect.objectContaining({
        action: "case.read",
        entityId: caseId,
        details: expect.objectContaining({ view: "PRINT" }),
      }),
    );
    expect(reads).toContainEqual(
      expect.objectContaining({
        action: "risk.evaluation.read",
        entityId: p.answers!.evaluationId,
        details: { view: "PRINT" },
      }),
    );
  });

  it("the director, who does not work the case, gets initials, no document, contact, notes or answers", async () => {
    const p = await getCasePrint(as("director@demo.pe"), caseId, origin);
    expect(p.masked).toBe(true);
    expect(p.studentName).toBe(initials(student));
    expect(p.studentName).not.toContain(student.paternalSurname);
    expect(p.file.contact).toBeNull();
    expect(p.answers).toBeNull();
    expect(p.file.timeline.every((e) => e.body === null)).toBe(true);
    expect(JSON.stringify(p.file.timeline)).not.toContain('"metWith":"');
  });

  it("the educator works the case but reads no risk answers; the social worker no sensitive ones unless shared", async () => {
    const educator = await getCasePrint(as("educador@demo.pe"), caseId, origin);
    expect(educator.masked).toBe(false);
    expect(educator.answers).toBeNull();
    const social = await getCasePrint(as("social@demo.pe"), caseId, origin);
    const psychologist = await getCasePrint(as("psicologo@demo.pe"), caseId, origin);
    const shared = await t.db.riskEvaluation.findUniqueOrThrow({
      where: { id: psychologist.answers!.evaluationId },
      select: { shareSensitiveWithSocialWorker: true },
    });
    const sensitive = (p: typeof social) => p.answers!.answers.filter((a) => a.item.sensitiveCategory !== null).length;
    expect(sensitive(psychologist)).toBeGreaterThan(0);
    if (!shared.shareSensitiveWithSocialWorker) expect(sensitive(social)).toBe(0);
  });

  it("is not found for the coordinator, the tutor and another school's director", async () => {
    for (const email of ["coordinador@demo.pe", "tutor@demo.pe"])
      await expectNotFound(getCasePrint(as(email), caseId, origin));
    const sjl = await t.db.user.findUniqueOrThrow({ where: { email: "director.sjl@demo.pe" }, select: { id: true } });
    await expectNotFound(getCasePrint(await loadSessionUser(sjl.id), caseId, origin));
  });
});
