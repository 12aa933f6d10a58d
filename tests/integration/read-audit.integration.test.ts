import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestOrigin, SessionUser } from "../../lib/auth/types";
import { READ_AUDIT_WINDOW_MINUTES } from "../../lib/audit/write-read-audit";
import { getCaseFileOrThrow } from "../../lib/cases/case-file";
import { openScenario, type Scenario } from "../fixtures/scenario";
import type { TestDatabase } from "../helpers/test-database";

// A case page re-renders after every save and on every refresh: the same user looking at
// the same file, in the same view, from the same place, within a few minutes is one read.

let t: TestDatabase;
let s: Scenario;
beforeAll(async () => ({ t, s } = await openScenario()));
afterAll(() => t.drop());

const browser = (ip: string): RequestOrigin => ({ ip, userAgent: "read-audit-test", via: "web" });

async function reads(user: SessionUser, caseId: string, action = "case.read") {
  return t.db.auditLog.findMany({
    where: { actorId: user.id, entityId: caseId, action },
    orderBy: { id: "asc" },
  });
}

/**
 * Copies `rowId` (same actor, action, case, school and view) as if it had been written
 * `minutesAgo` minutes ago from `origin`. audit_log refuses updates, so the past is inserted.
 */
async function insertEarlierRead(rowId: bigint, minutesAgo: number, origin: string) {
  await t.db.$executeRaw`
    INSERT INTO audit_log (at, "actorId", "actorRole", action, entity, "entityId", "schoolId", origin, details)
    SELECT now() - make_interval(mins => ${minutesAgo}::int), "actorId", "actorRole", action, entity, "entityId",
           "schoolId", ${origin}, details
      FROM audit_log WHERE id = ${rowId}`;
}

describe("[AUDIT] repeated case-file reads", () => {
  it("[AUDIT] two reads of the same case by the same user within the window leave one case.read row", async () => {
    const origin = browser("192.0.2.10");
    await getCaseFileOrThrow(s.users.educator, s.cases.a.id, origin);
    await getCaseFileOrThrow(s.users.educator, s.cases.a.id, origin);
    const rows = await reads(s.users.educator, s.cases.a.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ schoolId: s.schools.a.id, origin: "web | 192.0.2.10 | read-audit-test" });
  });

  it("[AUDIT] a different user reading the same case gets their own row", async () => {
    const origin = browser("192.0.2.10");
    await getCaseFileOrThrow(s.users.psychologist, s.cases.a.id, origin);
    await getCaseFileOrThrow(s.users.psychologist, s.cases.a.id, origin);
    expect(await reads(s.users.psychologist, s.cases.a.id)).toHaveLength(1);
    expect(await reads(s.users.educator, s.cases.a.id)).toHaveLength(1);
  });

  it(`[AUDIT] the same read after ${READ_AUDIT_WINDOW_MINUTES} minutes is recorded again; within them it is not`, async () => {
    const [first] = await reads(s.users.educator, s.cases.a.id);
    // Only an old copy from this origin: the read counts as new.
    const stale = "web | 192.0.2.20 | read-audit-test";
    await insertEarlierRead(first.id, READ_AUDIT_WINDOW_MINUTES + 1, stale);
    await getCaseFileOrThrow(s.users.educator, s.cases.a.id, browser("192.0.2.20"));
    let rows = (await reads(s.users.educator, s.cases.a.id)).filter((r) => r.origin === stale);
    expect(rows.map((r) => Date.now() - r.at.getTime() < 60_000)).toEqual([false, true]);

    // A copy from just inside the window: the read is the same one, not recorded again.
    const recent = "web | 192.0.2.30 | read-audit-test";
    await insertEarlierRead(first.id, READ_AUDIT_WINDOW_MINUTES - 1, recent);
    await getCaseFileOrThrow(s.users.educator, s.cases.a.id, browser("192.0.2.30"));
    rows = (await reads(s.users.educator, s.cases.a.id)).filter((r) => r.origin === recent);
    expect(rows).toHaveLength(1);
  });

  it("[AUDIT] the same user reading from another place, or another case, is a new read", async () => {
    await getCaseFileOrThrow(s.users.educator, s.cases.a.id, browser("192.0.2.40"));
    await getCaseFileOrThrow(s.users.educator, s.cases.a2.id, browser("192.0.2.10"));
    const origins = (await reads(s.users.educator, s.cases.a.id)).map((r) => r.origin);
    expect(origins).toContain("web | 192.0.2.40 | read-audit-test");
    expect(await reads(s.users.educator, s.cases.a2.id)).toHaveLength(1);
  });

  it("[AUDIT] a read that shows a different view (other sections) is recorded even within the window", async () => {
    const origin = browser("192.0.2.50");
    await getCaseFileOrThrow(s.users.socialWorker, s.cases.a.id, origin);
    const [row] = await reads(s.users.socialWorker, s.cases.a.id);
    // The recent row claims a narrower view than the one the next read returns.
    await t.db.$executeRaw`
      INSERT INTO audit_log ("actorId", "actorRole", action, entity, "entityId", "schoolId", origin, details)
      SELECT "actorId", "actorRole", action, entity, "entityId", "schoolId", 'web | 192.0.2.60 | read-audit-test',
             jsonb_build_object('access', 'TEAM', 'sections', jsonb_build_array('IDENTIFICATION'))
        FROM audit_log WHERE id = ${row.id}`;
    await getCaseFileOrThrow(s.users.socialWorker, s.cases.a.id, browser("192.0.2.60"));
    const fromThere = (await reads(s.users.socialWorker, s.cases.a.id)).filter(
      (r) => r.origin === "web | 192.0.2.60 | read-audit-test",
    );
    expect(fromThere.map((r) => (r.details as { sections: string[] }).sections.length > 1)).toEqual([false, true]);
  });

  it("[AUDIT] a refused read repeated within the window leaves one case.read_denied row; another id its own", async () => {
    const origin = browser("192.0.2.70");
    for (let i = 0; i < 3; i++) {
      await expect(getCaseFileOrThrow(s.users.directorB, s.cases.a.id, origin)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(getCaseFileOrThrow(s.users.directorB, s.cases.a2.id, origin)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await reads(s.users.directorB, s.cases.a.id, "case.read_denied")).toHaveLength(1);
    expect(await reads(s.users.directorB, s.cases.a2.id, "case.read_denied")).toHaveLength(1);
    expect(await reads(s.users.directorB, s.cases.a.id)).toHaveLength(0);
  });
});
