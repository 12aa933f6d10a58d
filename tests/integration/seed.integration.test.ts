import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candidatesSql } from "../../lib/alerts/compute-sql";
import { computeAlerts } from "../../lib/alerts/compute";
import { verifyPassword } from "../../lib/auth/password";
import { Prisma } from "../../lib/generated/prisma/client";
import { createPrismaClient, type Db } from "../../lib/db";
import { getSeedBlocker, seedDemo } from "../../prisma/seed";
import { seedCalendar } from "../../prisma/seed/calendar";
import { markDemo } from "../../scripts/lib/database";
import { demoAnchor } from "../helpers/demo-anchor";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The pilot's numbers must come out of queries over the demo data, never from constants.

const ARTICLE = [64.3, 22.6, 90.3, 86.7, 29.0, 90.3, 6.5, 61.3, 46.9, 56.3, 34.4, 63.6, 18.8, 80.7, 19.3, 64.5, 100];

let t: TestDatabase;
let db: Db;
/** The day the template's demo was loaded for (today, in the global setup). */
let anchor: string;
beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  db = createPrismaClient(t.url);
  anchor = await demoAnchor(db);
});
afterAll(async () => {
  await db.$disconnect();
  await t.drop();
});

const one = async (rows: Promise<{ n: number }[]>) => (await rows)[0].n;

describe("[SEED] the pilot's funnel, computed by SQL", () => {
  it("follows 2,356 students, near-equal by sex, in grades 1° to 5° of four schools", async () => {
    expect(await one(db.$queryRaw`SELECT count(*)::int AS n FROM student`)).toBe(2356);
    const bySex = await db.$queryRaw<
      { sex: string; n: number }[]
    >`SELECT sex::text, count(*)::int AS n FROM student GROUP BY sex ORDER BY sex`;
    expect(Math.abs(bySex[0].n - bySex[1].n)).toBeLessThan(30);
    const grades = await db.$queryRaw<{ g: number }[]>`SELECT DISTINCT grade::int AS g FROM student ORDER BY g`;
    expect(grades.map((x) => x.g)).toEqual([1, 2, 3, 4, 5]);
    const codes = await db.$queryRaw<{ c: string }[]>`SELECT "codigoModular" AS c FROM school ORDER BY c`;
    expect(codes.map((x) => x.c)).toEqual(["1000001", "1000002", "2000001", "2000002"]);
    expect(
      await one(
        db.$queryRaw`SELECT count(DISTINCT "documentNumber")::int AS n FROM student WHERE "documentType" = 'DNI' AND "documentNumber" ~ '^[0-9]{8}$'`,
      ),
    ).toBe(await one(db.$queryRaw`SELECT count(*)::int AS n FROM student WHERE "documentType" = 'DNI'`));
  });

  it("alerts exactly 278 students for unjustified absences, and no one else for anything", async () => {
    expect(
      await one(
        db.$queryRaw`SELECT count(DISTINCT "studentId")::int AS n FROM alert WHERE kind IN ('CONSECUTIVE_UNJUSTIFIED', 'UNJUSTIFIED_RATE')`,
      ),
    ).toBe(278);
    expect(await one(db.$queryRaw`SELECT count(DISTINCT "studentId")::int AS n FROM alert`)).toBe(278);
  });

  it("reaches 100 of them at home and evaluates 63 with instrument version 1", async () => {
    expect(
      await one(
        db.$queryRaw`SELECT count(DISTINCT "studentId")::int AS n FROM home_visit WHERE status = 'DONE' AND outcome = 'CONTACTED'`,
      ),
    ).toBe(100);
    expect(
      await one(db.$queryRaw`
      SELECT count(DISTINCT v."studentId")::int AS n FROM home_visit v
      WHERE v.outcome = 'CONTACTED' AND NOT EXISTS (SELECT 1 FROM alert a WHERE a."studentId" = v."studentId")`),
    ).toBe(0);
    const evals = await db.$queryRaw<{ students: number; evaluations: number }[]>`
      SELECT count(DISTINCT e."studentId")::int AS students, count(*)::int AS evaluations
      FROM risk_evaluation e JOIN risk_instrument i ON i.id = e."instrumentId" WHERE i.version = 1`;
    expect(evals[0]).toEqual({ students: 63, evaluations: 63 });
  });

  it("reproduces the article's risk-factor prevalence (present ÷ answered), item by item", async () => {
    const rows = await db.$queryRaw<{ code: string; pct: number }[]>`
      SELECT it.code,
             round(100.0 * count(*) FILTER (WHERE a.value = 'PRESENT')
                   / nullif(count(*) FILTER (WHERE a.value <> 'UNKNOWN'), 0), 1)::float8 AS pct
      FROM risk_answer a
      JOIN risk_item it ON it.id = a."itemId"
      JOIN risk_instrument i ON i.id = it."instrumentId"
      WHERE i.version = 1 AND it.domain <> 'PROTECTIVE'
      GROUP BY it.code, it.position ORDER BY it.position`;
    expect(rows.map((r) => r.pct)).toEqual(ARTICLE);
  });

  it("over-represents girls among the alerted in 2° and 4°", async () => {
    const rows = await db.$queryRaw<{ grade: number; f: number; m: number }[]>`
      SELECT s.grade::int AS grade, count(*) FILTER (WHERE s.sex = 'F')::int AS f, count(*) FILTER (WHERE s.sex = 'M')::int AS m
      FROM student s WHERE s.id IN (SELECT "studentId" FROM alert) GROUP BY s.grade ORDER BY s.grade`;
    const byGrade = Object.fromEntries(rows.map((r) => [r.grade, r]));
    expect(byGrade[2].f).toBeGreaterThan(byGrade[2].m);
    expect(byGrade[4].f).toBeGreaterThan(byGrade[4].m);
    for (const g of [1, 3, 5]) expect(byGrade[g].f).toBeLessThan(byGrade[g].m);
  });

  it("refers cases in every state, and some reach reintegration", async () => {
    const statuses = await db.$queryRaw<{ s: string }[]>`SELECT DISTINCT status::text AS s FROM referral ORDER BY s`;
    expect(statuses.map((x) => x.s)).toEqual(["ACCEPTED", "CLOSED", "IN_PROGRESS", "REJECTED", "SENT"]);
    expect(
      await one(
        db.$queryRaw`SELECT count(*)::int AS n FROM case_file WHERE state = 'CLOSED' AND outcome = 'REINTEGRATED'`,
      ),
    ).toBeGreaterThan(0);
  });
});

describe("[SEED] alerts are exactly what the default rules fire on the attendance", () => {
  it("matches a SQL evaluation of the rules, alert kind by alert kind", async () => {
    const diff = await db.$queryRaw<{ side: string; n: number }[]>`
      WITH days AS (
        SELECT a."studentId", a.status, row_number() OVER w AS n, count(*) OVER (PARTITION BY a."studentId") AS total
        FROM attendance a
        JOIN student s ON s.id = a."studentId"
        JOIN attendance_day d ON d."schoolId" = s."schoolId" AND d.grade = s.grade AND d.section = s.section AND d.date = a.date
        WINDOW w AS (PARTITION BY a."studentId" ORDER BY a.date)),
      runs AS (
        SELECT "studentId", count(*) AS len
        FROM (SELECT "studentId", n - row_number() OVER (PARTITION BY "studentId" ORDER BY n) AS island FROM days WHERE status = 'UNJUSTIFIED') u
        GROUP BY "studentId", island),
      fired AS (
        SELECT "studentId", 'CONSECUTIVE_UNJUSTIFIED' AS kind FROM runs GROUP BY "studentId" HAVING max(len) >= 3
        UNION ALL
        SELECT "studentId", 'UNJUSTIFIED_RATE' FROM days WHERE n > total - 20 GROUP BY "studentId"
        HAVING 100 * count(*) FILTER (WHERE status = 'UNJUSTIFIED') >= 10 * count(*)
        UNION ALL
        -- Only the highest chronic tier reached.
        SELECT "studentId", CASE WHEN 100 * absences >= 20 * days THEN 'CHRONIC_TIER3' ELSE 'CHRONIC_TIER2' END
        FROM (SELECT "studentId", count(*) FILTER (WHERE status IN ('JUSTIFIED', 'UNJUSTIFIED')) AS absences, count(*) AS days
              FROM days GROUP BY "studentId") c
        WHERE absences > 0 AND 100 * absences >= 10 * days),
      stored AS (SELECT "studentId", kind::text AS kind FROM alert)
      SELECT 'missing' AS side, count(*)::int AS n FROM (SELECT * FROM fired EXCEPT SELECT * FROM stored) x
      UNION ALL SELECT 'extra', count(*)::int FROM (SELECT * FROM stored EXCEPT SELECT * FROM fired) y`;
    expect(diff).toEqual([
      { side: "missing", n: 0 },
      { side: "extra", n: 0 },
    ]);
  });

  it("keeps quiet students far from every threshold (at most one unjustified absence in any 20 days)", async () => {
    expect(
      await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM (
        SELECT count(*) FILTER (WHERE status = 'UNJUSTIFIED') OVER (PARTITION BY "studentId" ORDER BY date ROWS BETWEEN 19 PRECEDING AND CURRENT ROW) AS w
        FROM attendance WHERE "studentId" NOT IN (SELECT "studentId" FROM alert)) x
      WHERE w > 1`),
    ).toBe(0);
  });

  it("uses the default rules and keeps one open alert per student and kind in the inboxes", async () => {
    const rules = await db.$queryRaw<{ kind: string; threshold: number; windowDays: number | null; n: number }[]>`
      SELECT kind::text, threshold, "windowDays", count(*)::int AS n FROM alert_rule GROUP BY 1, 2, 3 ORDER BY 1`;
    expect(rules).toEqual([
      { kind: "CHRONIC_TIER2", threshold: 10, windowDays: null, n: 4 },
      { kind: "CHRONIC_TIER3", threshold: 20, windowDays: null, n: 4 },
      { kind: "CONSECUTIVE_UNJUSTIFIED", threshold: 3, windowDays: null, n: 4 },
      { kind: "UNJUSTIFIED_RATE", threshold: 10, windowDays: 20, n: 4 },
    ]);
    expect(
      await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM alert
      WHERE (status = 'OPEN' AND ("openKey" IS DISTINCT FROM "studentId"::text || ':' || kind::text OR "caseId" IS NOT NULL))
         OR (status = 'CASE_OPENED' AND ("openKey" IS NOT NULL OR "caseId" IS NULL))`),
    ).toBe(0);
    const inbox = await db.$queryRaw<{ c: string; n: number }[]>`
      SELECT s."codigoModular" AS c, count(DISTINCT a."studentId")::int AS n FROM alert a JOIN school s ON s.id = a."schoolId"
      WHERE a.status = 'OPEN' GROUP BY 1 ORDER BY 1`;
    expect(inbox.find((x) => x.c === "1000001")!.n).toBeGreaterThanOrEqual(5);
    expect(inbox.find((x) => x.c === "2000002")!.n).toBeGreaterThanOrEqual(5);
  });
});

describe("[SEED] the alert engine agrees with the demo", () => {
  type Found = { studentId: string; kind: string; figures: unknown; firstDate: string; lastDate: string };
  const shape = (rows: Found[]) => rows.map((r) => JSON.stringify(r)).sort();

  it("finds exactly the stored alerts, figures and dates included, when none has been reviewed", async () => {
    const stored = await db.$queryRaw<Found[]>`
      SELECT "studentId"::text AS "studentId", kind::text AS kind, figures,
             to_char("firstDate", 'YYYY-MM-DD') AS "firstDate", to_char("lastDate", 'YYYY-MM-DD') AS "lastDate" FROM alert`;
    // Set the stored alerts aside inside a transaction that is rolled back.
    const rollback = new Error("rollback");
    let candidates: Found[] = [];
    await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`DELETE FROM alert`;
        candidates = await tx.$queryRaw<Found[]>(Prisma.sql`
        SELECT "studentId"::text AS "studentId", kind::text AS kind, figures,
               to_char("firstDate", 'YYYY-MM-DD') AS "firstDate", to_char("lastDate", 'YYYY-MM-DD') AS "lastDate"
        FROM (${candidatesSql({})}) c`);
        throw rollback;
      })
      .catch((e) => {
        if (e !== rollback) throw e;
      });
    expect(stored.length).toBeGreaterThanOrEqual(278);
    expect(shape(candidates.map((c) => ({ ...c, figures: normalise(c.figures) })))).toEqual(
      shape(stored.map((c) => ({ ...c, figures: normalise(c.figures) }))),
    );
  });

  it("a full recompute over the demo opens no new alert", async () => {
    const before = await one(db.$queryRaw`SELECT count(*)::int AS n FROM alert`);
    const summary = await computeAlerts(db);
    expect(summary.opened).toBe(0);
    expect(summary.studentsEvaluated).toBe(2356);
    expect(await one(db.$queryRaw`SELECT count(*)::int AS n FROM alert`)).toBe(before);
  });
});

/** Same keys in the same order, so two JSON objects compare by content. */
function normalise(figures: unknown): unknown {
  const f = figures as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(f)
      .sort()
      .map((k) => [k, f[k]]),
  );
}

describe("[SEED] referrals respect deadlines and data packets", () => {
  it("sets dueAt from the urgency and never shares risk answers with PNP Bapes", async () => {
    expect(
      await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM referral
      WHERE "dueAt" - "sentAt" <> CASE urgency WHEN 'URGENT' THEN interval '24 hours' WHEN 'PRIORITY' THEN interval '72 hours' ELSE interval '168 hours' END`),
    ).toBe(0);
    expect(
      await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM referral r JOIN agency g ON g.id = r."agencyId"
      WHERE g.type = 'BAPES' AND r."sharedSections" && ARRAY['RISK_ANSWERS', 'RISK_SENSITIVE', 'NOTES']::"SharedSection"[]`),
    ).toBe(0);
    expect(
      await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM referral
      WHERE (status = 'REJECTED' AND "rejectionReason" IS NULL) OR (status = 'CLOSED' AND ("counterReferral" IS NULL OR "closedAt" IS NULL))`),
    ).toBe(0);
  });

  it("gives every demo agency account referrals waiting, at least one of them overdue", async () => {
    const waiting = await db.$queryRaw<{ email: string; n: number }[]>`
      SELECT u.email, count(r.id)::int AS n FROM app_user u LEFT JOIN referral r ON r."agencyId" = u."agencyId" AND r.status = 'SENT'
      WHERE u.role = 'AGENCY_STAFF' GROUP BY u.email ORDER BY u.email`;
    expect(waiting.map((w) => w.email)).toEqual([
      "bapes@demo.pe",
      "cem@demo.pe",
      "csmc@demo.pe",
      "demuna.sjl@demo.pe",
      "demuna@demo.pe",
      "ugel@demo.pe",
    ]);
    for (const w of waiting) expect(w.n).toBeGreaterThanOrEqual(1);
    expect(
      await one(db.$queryRaw`
      SELECT count(*)::int AS n FROM referral r JOIN school s ON s.id = r."schoolId" JOIN agency g ON g.id = r."agencyId"
      WHERE g.code = 'DEMUNA-SJL' AND s."codigoModular" = '2000002'`),
    ).toBeGreaterThan(0);
    const { loadStart } = seedCalendar(anchor);
    expect(
      await one(db.$queryRaw`SELECT count(*)::int AS n FROM referral WHERE status = 'SENT' AND "dueAt" < ${loadStart}`),
    ).toBeGreaterThan(0);
    // Each inbox has an overdue referral behind its home figure «Derivaciones vencidas».
    const overdue = await db.$queryRaw<{ n: number }[]>`
      SELECT count(r.id)::int AS n FROM app_user u
        LEFT JOIN referral r ON r."agencyId" = u."agencyId" AND r.status = 'SENT' AND r."dueAt" < ${loadStart}
       WHERE u.role = 'AGENCY_STAFF' GROUP BY u.id`;
    expect(overdue).toHaveLength(6);
    for (const o of overdue) expect(o.n).toBeGreaterThanOrEqual(1);
  });
});

describe("[SEED] demo accounts", () => {
  it("creates the 14 accounts with one shared hash of the demo password", async () => {
    const users = await db.user.findMany({
      select: { email: true, role: true, passwordHash: true, agencyId: true },
      orderBy: { email: "asc" },
    });
    expect(users).toHaveLength(14);
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
    expect(await verifyPassword("Permanencia2026!", users[0].passwordHash)).toBe(true);
    expect(users.filter((u) => u.role === "AGENCY_STAFF").every((u) => u.agencyId)).toBe(true);
  });
});

describe("[SEED] safety and determinism", () => {
  it("refuses a non-empty database", async () => {
    expect(await getSeedBlocker(db)).toMatch(/no está vacía/);
    await expect(seedDemo(db, anchor)).rejects.toThrow(/no está vacía/);
    expect(await one(db.$queryRaw`SELECT count(*)::int AS n FROM student`)).toBe(2356);
  });

  it("refuses an unmarked database, then writes identical data into a fresh one", { timeout: 180_000 }, async () => {
    const fresh = await createTestDatabase();
    const freshDb = createPrismaClient(fresh.url);
    try {
      await expect(seedDemo(freshDb, anchor)).rejects.toThrow(/no está marcada/);
      expect(await one(freshDb.$queryRaw`SELECT count(*)::int AS n FROM school`)).toBe(0);
      await markDemo(fresh.url);
      await seedDemo(freshDb, anchor);
      expect(await fingerprint(freshDb)).toEqual(await fingerprint(db));
    } finally {
      await freshDb.$disconnect();
      await fresh.drop();
    }
  });
});

async function fingerprint(client: Db) {
  const rows = await client.$queryRaw<Record<string, string>[]>`
    SELECT
      (SELECT md5(string_agg(concat_ws('|', id, "documentType", "documentNumber", "paternalSurname", "maternalSurname", "givenNames", sex, grade, section, "addressVerifiedAt"), ',' ORDER BY id)) FROM student) AS students,
      (SELECT md5(string_agg(concat_ws('|', "studentId", date, status), ',' ORDER BY "studentId", date)) FROM attendance) AS attendance,
      (SELECT md5(string_agg(concat_ws('|', id, "studentId", kind, status, figures::text, "caseId"), ',' ORDER BY id)) FROM alert) AS alerts,
      (SELECT md5(string_agg(concat_ws('|', id, state, outcome, "openedAt", "closedAt"), ',' ORDER BY id)) FROM case_file) AS cases,
      (SELECT md5(string_agg(concat_ws('|', id, type, "occurredAt", body), ',' ORDER BY id)) FROM case_event) AS events,
      (SELECT md5(string_agg(concat_ws('|', "evaluationId", "itemId", value), ',' ORDER BY "evaluationId", "itemId")) FROM risk_answer) AS answers,
      (SELECT md5(string_agg(concat_ws('|', id, "agencyId", status, "sentAt", "dueAt", "overdueAt"), ',' ORDER BY id)) FROM referral) AS referrals,
      (SELECT md5(string_agg(concat_ws('|', "userId", kind, "referralId", "dedupeKey"), ',' ORDER BY "userId", kind, "referralId")) FROM notification) AS notifications`;
  return rows[0];
}
