import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "../../lib/db";
import { seedDemo } from "../../prisma/seed";
import { seedCalendar, type SeedCalendar } from "../../prisma/seed/calendar";
import { markDemo } from "../../scripts/lib/database";
import { demoAnchor } from "../helpers/demo-anchor";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The demo loaded on other days: a Wednesday that is a national holiday (28/07/2027) and a
// Sunday of another year (02/01/2028). The whole story moves by whole weeks — the same rows,
// each date the same number of weeks later — so the pilot's figures hold on any load day,
// while the referrals still waiting are placed around the load day: some overdue, some due
// within the day, some on time. Nothing is dated after the load day's first instant.

const ARTICLE = [64.3, 22.6, 90.3, 86.7, 29.0, 90.3, 6.5, 61.3, 46.9, 56.3, 34.4, 63.6, 18.8, 80.7, 19.3, 64.5, 100];
const ANCHORS = ["2027-07-28", "2028-01-02"];
const H = 3_600_000;

type Loaded = { anchor: string; calendar: SeedCalendar; t: TestDatabase; db: Db };
let reference: Loaded;
const loaded: Loaded[] = [];

beforeAll(async () => {
  const t = await createTestDatabase({ seeded: true });
  const db = createPrismaClient(t.url);
  const anchor = await demoAnchor(db);
  reference = { anchor, calendar: seedCalendar(anchor), t, db };
  for (const anchor of ANCHORS) {
    const fresh = await createTestDatabase();
    await markDemo(fresh.url);
    const freshDb = createPrismaClient(fresh.url);
    await seedDemo(freshDb, anchor);
    loaded.push({ anchor, calendar: seedCalendar(anchor), t: fresh, db: freshDb });
  }
}, 240_000);

afterAll(async () => {
  for (const l of [...loaded, reference]) {
    await l.db.$disconnect();
  }
  // One shared client per test file (lib/db): drop the clones first, the file's own last.
  for (const l of loaded) await l.t.drop();
  await reference.t.drop();
});

const n = async (rows: Promise<{ n: number }[]>) => (await rows)[0].n;

/** The history, with every date moved back by the calendar's shift: equal for every load day. */
async function historyFingerprint({ db, calendar }: Loaded) {
  const back = calendar.shiftDays;
  const [row] = await db.$queryRaw<Record<string, string>[]>`
    SELECT
      (SELECT md5(string_agg(concat_ws('|', id, "birthDate" - ${back}::int, "addressVerifiedAt" - ${back}::int,
         "guardianVerifiedAt" - ${back}::int, "createdAt" - make_interval(days => ${back}::int)), ',' ORDER BY id)) FROM student) AS students,
      (SELECT md5(string_agg(concat_ws('|', "studentId", date - ${back}::int, status), ',' ORDER BY "studentId", date)) FROM attendance) AS attendance,
      (SELECT md5(string_agg(concat_ws('|', id, kind, status, "caseId", "firstDate" - ${back}::int, "lastDate" - ${back}::int,
         "createdAt" - make_interval(days => ${back}::int)), ',' ORDER BY id)) FROM alert) AS alerts,
      (SELECT md5(string_agg(concat_ws('|', id, state, outcome, "openedAt" - make_interval(days => ${back}::int),
         "closedAt" - make_interval(days => ${back}::int)), ',' ORDER BY id)) FROM case_file) AS cases,
      (SELECT md5(string_agg(concat_ws('|', e.id, e.type, e."occurredAt" - make_interval(days => ${back}::int)), ',' ORDER BY e.id))
         FROM case_event e
        WHERE NOT (e.type = 'REFERRAL' AND EXISTS (
                SELECT 1 FROM referral r WHERE r.id::text = e.data->>'referralId' AND r.status = 'SENT'))) AS events,
      (SELECT md5(string_agg(concat_ws('|', id, status, outcome, "visitedAt" - make_interval(days => ${back}::int)), ',' ORDER BY id))
         FROM home_visit WHERE status = 'DONE') AS visits,
      (SELECT md5(string_agg(concat_ws('|', id, "evaluatedAt" - make_interval(days => ${back}::int), "overallLevel"), ',' ORDER BY id)) FROM risk_evaluation) AS evaluations,
      (SELECT md5(string_agg(concat_ws('|', id, status, urgency, "sentAt" - make_interval(days => ${back}::int),
         "respondedAt" - make_interval(days => ${back}::int), "closedAt" - make_interval(days => ${back}::int)), ',' ORDER BY id))
         FROM referral WHERE status <> 'SENT') AS answered`;
  return row;
}

describe("[SEED] the demo anchored to the day it is loaded", () => {
  it("moves the whole story by whole weeks: the same history as the test template, the same weekdays", async () => {
    const expected = await historyFingerprint(reference);
    for (const l of loaded) {
      expect(l.calendar.shiftDays % 7, l.anchor).toBe(0);
      expect(await historyFingerprint(l), l.anchor).toEqual(expected);
      expect(await demoAnchor(l.db)).toBe(l.anchor);
      // School days are weekdays; the term ends on the Friday before the story's Monday.
      expect(
        await n(l.db.$queryRaw`SELECT count(*)::int AS n FROM attendance_day WHERE extract(isodow FROM date) > 5`),
      ).toBe(0);
      const [last] = await l.db.$queryRaw<{ d: Date }[]>`SELECT max(date) AS d FROM attendance_day`;
      expect(last.d.toISOString().slice(0, 10)).toBe(l.calendar.termLastDay);
    }
  });

  it("keeps the pilot's figures: 2,356 followed, 278 alerted, 100 reached, 63 evaluated, the article's prevalence", async () => {
    for (const { db, anchor } of loaded) {
      expect(await n(db.$queryRaw`SELECT count(*)::int AS n FROM student`), anchor).toBe(2356);
      expect(await n(db.$queryRaw`SELECT count(DISTINCT "studentId")::int AS n FROM alert`), anchor).toBe(278);
      expect(
        await n(
          db.$queryRaw`SELECT count(DISTINCT "studentId")::int AS n FROM home_visit WHERE status = 'DONE' AND outcome = 'CONTACTED'`,
        ),
        anchor,
      ).toBe(100);
      expect(await n(db.$queryRaw`SELECT count(DISTINCT "studentId")::int AS n FROM risk_evaluation`), anchor).toBe(63);
      const prevalence = await db.$queryRaw<{ pct: number }[]>`
        SELECT round(100.0 * count(*) FILTER (WHERE a.value = 'PRESENT')
                     / nullif(count(*) FILTER (WHERE a.value <> 'UNKNOWN'), 0), 1)::float8 AS pct
        FROM risk_answer a JOIN risk_item it ON it.id = a."itemId"
        WHERE it.domain <> 'PROTECTIVE' GROUP BY it.code, it.position ORDER BY it.position`;
      expect(
        prevalence.map((p) => p.pct),
        anchor,
      ).toEqual(ARTICLE);
      const byStatus = await db.$queryRaw<{ status: string; n: number }[]>`
        SELECT status::text, count(*)::int AS n FROM referral GROUP BY status ORDER BY status`;
      expect(byStatus, anchor).toEqual([
        { status: "ACCEPTED", n: 4 },
        { status: "CLOSED", n: 20 },
        { status: "IN_PROGRESS", n: 11 },
        { status: "REJECTED", n: 7 },
        { status: "SENT", n: 14 },
      ]);
    }
  });

  it("dates nothing after the load day's first instant, and plans visits from the load day on", async () => {
    for (const { db, anchor, calendar } of loaded) {
      const start = calendar.loadStart;
      const [latest] = await db.$queryRaw<{ events: Date; sent: Date; visited: Date; alerts: Date }[]>`
        SELECT (SELECT max("occurredAt") FROM case_event) AS events, (SELECT max("sentAt") FROM referral) AS sent,
               (SELECT max("visitedAt") FROM home_visit) AS visited, (SELECT max("createdAt") FROM alert) AS alerts`;
      for (const at of Object.values(latest)) expect(at.getTime(), anchor).toBeLessThanOrEqual(start.getTime());
      const planned = await db.$queryRaw<{ d: Date }[]>`
        SELECT "scheduledFor" AS d FROM home_visit WHERE status = 'SCHEDULED'`;
      expect(planned.length, anchor).toBeGreaterThan(0);
      for (const { d } of planned) {
        const day = d.toISOString().slice(0, 10);
        expect(day >= anchor, `${anchor}: visit on ${day}`).toBe(true);
        expect([0, 6]).not.toContain(d.getUTCDay());
      }
    }
  });

  it("shows a realistic mix of referrals all load day long: overdue, due within the day, on time, answered and closed", async () => {
    for (const { db, anchor, calendar } of loaded) {
      for (const now of [calendar.loadStart, new Date(calendar.loadStart.getTime() + 24 * H - 60_000)]) {
        const [mix] = await db.$queryRaw<Record<string, number>[]>`
          SELECT count(*) FILTER (WHERE status = 'SENT' AND "dueAt" < ${now})::int AS overdue,
                 count(*) FILTER (WHERE status = 'SENT' AND "dueAt" >= ${now}::timestamptz + interval '24 hours')::int AS "onTime",
                 count(*) FILTER (WHERE status IN ('ACCEPTED', 'IN_PROGRESS'))::int AS answered,
                 count(*) FILTER (WHERE status = 'CLOSED')::int AS closed
            FROM referral`;
        for (const [kind, count] of Object.entries(mix)) {
          expect(count, `${anchor} ${now.toISOString()} ${kind}`).toBeGreaterThan(0);
        }
      }
      // At the start of the load day some are due within it (not yet overdue).
      expect(
        await n(db.$queryRaw`
          SELECT count(*)::int AS n FROM referral
           WHERE status = 'SENT' AND "dueAt" >= ${calendar.loadStart} AND "dueAt" < ${calendar.loadStart}::timestamptz + interval '24 hours'`),
        anchor,
      ).toBeGreaterThan(0);
      // Every agency account has referrals waiting.
      const waiting = await db.$queryRaw<{ n: number }[]>`
        SELECT count(r.id)::int AS n FROM app_user u
          LEFT JOIN referral r ON r."agencyId" = u."agencyId" AND r.status = 'SENT'
         WHERE u.role = 'AGENCY_STAFF' GROUP BY u.id`;
      expect(
        waiting.every((w) => w.n >= 1),
        anchor,
      ).toBe(true);
    }
  });

  it("has run the deadlines check as of the load day: overdue referrals marked and their team notified, once", async () => {
    for (const { db, anchor, calendar } of loaded) {
      const start = calendar.loadStart;
      const [marks] = await db.$queryRaw<{ overdue: number; marked: number; wrong: number }[]>`
        SELECT count(*) FILTER (WHERE status = 'SENT' AND "dueAt" < ${start})::int AS overdue,
               count(*) FILTER (WHERE "overdueAt" = ${start})::int AS marked,
               count(*) FILTER (WHERE "overdueAt" IS NOT NULL AND "overdueAt" <> ${start})::int AS wrong
          FROM referral`;
      expect(marks.marked, anchor).toBe(marks.overdue);
      expect(marks.wrong, anchor).toBe(0);
      const social = await n(db.$queryRaw`
        SELECT count(*)::int AS n FROM notification nt JOIN app_user u ON u.id = nt."userId"
         WHERE u.email = 'social@demo.pe' AND nt.kind = 'REFERRAL_OVERDUE'`);
      expect(social, anchor).toBeGreaterThan(0);
      expect(
        await n(db.$queryRaw`
          SELECT count(*)::int AS n FROM (SELECT "userId", "dedupeKey" FROM notification GROUP BY 1, 2 HAVING count(*) > 1) d`),
      ).toBe(0);
    }
  });
});
