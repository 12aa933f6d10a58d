import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../lib/auth/options";
import { createSignInLimiter, SIGN_IN_BUDGETS } from "../../lib/auth/rate-limit";
import { SIGN_IN_ERRORS } from "../../lib/auth/sign-in";
import { openScenario, type Scenario } from "../fixtures/scenario";
import { requestFrom } from "../helpers/request";
import type { TestDatabase } from "../helpers/test-database";

// Decision 020: the sign-in budgets hold whatever the client writes in X-Forwarded-For, stop
// one password tried across many accounts, and live in PostgreSQL so every process shares them.

let t: TestDatabase;
let s: Scenario;
beforeAll(async () => ({ t, s } = await openScenario()));
afterAll(() => t.drop());
afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

const WRONG = "clave-equivocada";
const attempt = (email: string, password: string, req: ReturnType<typeof requestFrom>) =>
  authorizeCredentials({ email, password }, req).then(
    () => "ok",
    (e: Error) => (e.message === SIGN_IN_ERRORS.rateLimited ? "limited" : "refused"),
  );
const fakeHop = (i: number) => ({ "x-forwarded-for": `100.64.${i}.${i}` });

describe("[RATE-LIMIT] X-Forwarded-For cannot buy a fresh budget", () => {
  it("[RATE-LIMIT] with no proxy trusted, a new forged hop per attempt still spends the socket's budget", async () => {
    const outcomes = [];
    for (let i = 0; i < 10; i++) {
      outcomes.push(await attempt("educator@escenario.pe", WRONG, requestFrom("203.0.113.50", fakeHop(i))));
    }
    expect(outcomes).toEqual(Array(10).fill("refused"));
    // The right password, from yet another forged hop: still the same client, still refused.
    expect(await attempt("educator@escenario.pe", s.password, requestFrom("203.0.113.50", fakeHop(99)))).toBe(
      "limited",
    );
    // The audit names the socket's address, never the forged one.
    const rows = await t.db.auditLog.findMany({
      where: { action: "auth.signin_failed", entityId: s.users.educator.id },
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.origin?.includes("203.0.113.50") && !r.origin.includes("100.64."))).toBe(true);
    expect(rows.filter((r) => (r.details as { reason: string }).reason === "rate_limited")).toHaveLength(1);
  });

  it("[RATE-LIMIT] behind one trusted proxy, the address it appended is the client, whatever came before it", async () => {
    process.env.TRUSTED_PROXIES = "1";
    const viaProxy = (i: number) => requestFrom("10.0.0.2", { "x-forwarded-for": `100.64.${i}.1, 203.0.113.61` });
    for (let i = 0; i < 10; i++) expect(await attempt("tutor@escenario.pe", WRONG, viaProxy(i))).toBe("refused");
    expect(await attempt("tutor@escenario.pe", s.password, viaProxy(50))).toBe("limited");
    // Another client behind the same proxy has its own budget.
    const other = requestFrom("10.0.0.2", { "x-forwarded-for": "203.0.113.62" });
    expect(await attempt("tutor@escenario.pe", s.password, other)).toBe("ok");
  });
});

describe("[RATE-LIMIT] budgets across accounts and addresses", () => {
  it("[RATE-LIMIT] one password sprayed across many accounts from one address is stopped", async () => {
    const from = requestFrom("203.0.113.70");
    const accounts = Array.from({ length: SIGN_IN_BUDGETS.address.points }, (_, i) => `persona${i}@escenario.pe`);
    for (const email of accounts) expect(await attempt(email, "Verano2026!", from)).toBe("refused");
    // Every further account is refused, even one whose password this would be.
    expect(await attempt("coordinator@escenario.pe", s.password, from)).toBe("limited");
    expect(await attempt("nadie-mas@escenario.pe", "Verano2026!", from)).toBe("limited");
    // Another address is unaffected.
    expect(await attempt("coordinator@escenario.pe", s.password, requestFrom("203.0.113.71"))).toBe("ok");
  });

  it("[RATE-LIMIT] one account guessed from many addresses is stopped", async () => {
    for (let i = 0; i < SIGN_IN_BUDGETS.account.points; i++) {
      expect(await attempt("cem@escenario.pe", WRONG, requestFrom(`198.18.0.${i + 1}`))).toBe("refused");
    }
    expect(await attempt("cem@escenario.pe", s.password, requestFrom("198.18.1.1"))).toBe("limited");
  });

  it("[RATE-LIMIT] successful sign-ins spend nothing: a whole school behind one address signs in every morning", async () => {
    const school = requestFrom("203.0.113.80");
    for (let i = 0; i < SIGN_IN_BUDGETS.address.points + 5; i++) {
      expect(await attempt("directora@escenario.pe", s.password, school)).toBe("ok");
    }
  });
});

describe("[RATE-LIMIT] the budgets are shared by every process", () => {
  it("[RATE-LIMIT] two limiters on separate connections (two app processes) spend one budget", async () => {
    const pools = [new pg.Pool({ connectionString: t.url, max: 1 }), new pg.Pool({ connectionString: t.url, max: 1 })];
    try {
      const [a, b] = pools.map((pool) => createSignInLimiter(pool));
      const results = [];
      for (let i = 0; i < SIGN_IN_BUDGETS.accountAddress.points; i++) {
        results.push(await (i % 2 ? a : b).consume("bapes@escenario.pe", "203.0.113.90"));
      }
      expect(results.every((r) => r.allowed)).toBe(true);
      const [next, after] = [
        await a.consume("bapes@escenario.pe", "203.0.113.90"),
        await b.consume("bapes@escenario.pe", "203.0.113.90"),
      ];
      expect(next).toMatchObject({ allowed: false, budget: "accountAddress", firstRefusal: true });
      expect(after).toMatchObject({ allowed: false, budget: "accountAddress", firstRefusal: false });
      // Concurrent attempts from both processes: exactly one of them is the first refusal.
      const burst = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).consume("bapes2@escenario.pe", "203.0.113.91")),
      );
      expect(burst.filter((r) => r.allowed)).toHaveLength(10);
      expect(burst.filter((r) => !r.allowed && r.firstRefusal)).toHaveLength(1);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it("[RATE-LIMIT] the store holds no email in clear", async () => {
    const keys = await t.asOwner(`SELECT key FROM rate_limit`);
    expect(keys.rows.length).toBeGreaterThan(0);
    expect(keys.rows.every((r: { key: string }) => !r.key.includes("@"))).toBe(true);
  });
});
