import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admitAuditEvent, AUDIT_THROTTLE } from "../../lib/audit/throttle";
import { authorizeCredentials } from "../../lib/auth/options";
import { getCaseFileOrThrow } from "../../lib/cases/case-file";
import { openScenario, type Scenario } from "../fixtures/scenario";
import { requestFrom } from "../helpers/request";
import type { TestDatabase } from "../helpers/test-database";

// Decision 020: whoever hammers the server with failed sign-ins or refused reads gets a bounded
// number of audit rows per window; the rest are counted and the count reaches the log.

let t: TestDatabase;
let s: Scenario;
beforeAll(async () => ({ t, s } = await openScenario()));
afterAll(() => t.drop());

const { max } = AUDIT_THROTTLE;

/** Moves a throttle key's window into the past, as if its minutes had gone by. */
const windowPassed = (key: string) =>
  t.db.$executeRaw`UPDATE audit_throttle SET "windowStart" = "windowStart" - interval '16 minutes' WHERE key = ${key}`;

describe("[AUDIT] the log cannot be flooded", () => {
  it("[AUDIT] failed sign-ins from one address: at most the window's rows, then a count of the rest", async () => {
    const from = requestFrom("203.0.113.20");
    const before = await t.db.auditLog.count({ where: { action: "auth.signin_failed" } });
    for (let i = 0; i < max + 5; i++) {
      await authorizeCredentials({ email: `intruso${i}@escenario.pe`, password: "x-y-z" }, from).catch(() => null);
    }
    const rows = await t.db.auditLog.findMany({
      where: { action: "auth.signin_failed" },
      orderBy: { id: "asc" },
      skip: before,
    });
    expect(rows).toHaveLength(max);
    expect(rows.at(-1)?.details).toMatchObject({ reason: "unknown_email", throttled: AUDIT_THROTTLE });

    await windowPassed("signin_failed:203.0.113.20");
    await authorizeCredentials({ email: "intruso-final@escenario.pe", password: "x-y-z" }, from).catch(() => null);
    const next = await t.db.auditLog.findFirst({ where: { action: "auth.signin_failed" }, orderBy: { id: "desc" } });
    expect(next?.details).toMatchObject({ reason: "unknown_email", suppressedBefore: 5 });
  });

  it("[AUDIT] refused case reads by one user: at most the window's rows, then a count of the rest", async () => {
    const user = s.users.demuna;
    const origin = { ip: "192.0.2.30", userAgent: "probe", via: "web" as const };
    for (let i = 0; i < max + 10; i++) {
      await expect(getCaseFileOrThrow(user, randomUUID(), origin)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const denied = () =>
      t.db.auditLog.findMany({ where: { action: "case.read_denied", actorId: user.id }, orderBy: { id: "asc" } });
    expect(await denied()).toHaveLength(max);

    await windowPassed(`read_denied:${user.id}`);
    await expect(getCaseFileOrThrow(user, s.cases.a2.id, origin)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const rows = await denied();
    expect(rows).toHaveLength(max + 1);
    expect(rows.at(-1)).toMatchObject({ entityId: s.cases.a2.id, details: { suppressedBefore: 10 } });
    // Reads that succeed are not throttled.
    await getCaseFileOrThrow(user, s.cases.a.id, origin);
    expect(await t.db.auditLog.count({ where: { action: "case.read", actorId: user.id } })).toBe(1);
  });

  it("[AUDIT] the bound holds under concurrent requests from several processes", async () => {
    const verdicts = await Promise.all(Array.from({ length: 50 }, () => admitAuditEvent(t.db, "burst")));
    expect(verdicts.filter((v) => v.write)).toHaveLength(max);
    expect(verdicts.filter((v) => v.lastInWindow)).toHaveLength(1);
  });
});
