import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { sessionSecret } from "./session-token";

// Sign-in budgets (decision 020), kept in PostgreSQL (`rate_limit`) so they hold across every
// process and instance of the app. Each attempt spends one point from three budgets at once:
//   account + address — the same person retyping: 10 per 15 minutes;
//   account           — one account guessed from many addresses: 30 per hour;
//   address           — one address trying many accounts (password spraying): 30 per 15 minutes.
// A successful sign-in gives its points back, so a school behind one address where everyone
// signs in each morning spends nothing; a refused one (over budget) still counts.

export const SIGN_IN_BUDGETS = {
  accountAddress: { points: 10, duration: 15 * 60 },
  account: { points: 30, duration: 60 * 60 },
  address: { points: 30, duration: 15 * 60 },
} as const;

type BudgetName = keyof typeof SIGN_IN_BUDGETS;

export type SignInLimit =
  | { allowed: true }
  | { allowed: false; budget: BudgetName; retryAfterSeconds: number; firstRefusal: boolean };

/** What the store needs from a connection: node-pg's `query` (a Pool or a Client). */
type Queryable = Pick<pg.Pool, "query">;

export type SignInLimiter = {
  /** Counts one attempt against every budget; refuses once any of them is spent. */
  consume: (email: string, address: string | null | undefined) => Promise<SignInLimit>;
  /** A successful sign-in: forgives the account+address budget and returns the attempt's points. */
  succeeded: (email: string, address: string | null | undefined) => Promise<void>;
};

/**
 * The store issues named prepared statements; a pooler in transaction mode (PgBouncer) may hand
 * the next query to a connection that never prepared them, so the names are dropped.
 */
function unnamedStatements(db: Queryable) {
  return {
    query: (q: { text: string; values?: unknown[] }) => db.query({ text: q.text, values: q.values }),
  };
}

/**
 * Without a configured secret (only code run outside the launchers, e.g. tests: `npm start`
 * refuses to start without one) the keys use a random key of this process, never a fixed one:
 * a key in the repository would let anyone reverse the stored keys by trying emails.
 */
const PROCESS_KEY = randomBytes(32);

/**
 * Keys carry no email in clear (one typed in the email field may be a password): an HMAC with
 * the session secret.
 */
function keyOf(...parts: string[]): string {
  return createHmac("sha256", sessionSecret() ?? PROCESS_KEY)
    .update(parts.join("\u0000"))
    .digest("base64url");
}

export function createSignInLimiter(db: Queryable): SignInLimiter {
  const store = unnamedStatements(db);
  const limiters = Object.fromEntries(
    Object.entries(SIGN_IN_BUDGETS).map(([name, budget]) => [
      name,
      new RateLimiterPostgres({
        storeClient: store,
        storeType: "pool",
        tableName: "rate_limit",
        tableCreated: true, // by migration: the app role may not create tables
        keyPrefix: `signin-${name}`,
        points: budget.points,
        duration: budget.duration,
      }),
    ]),
  ) as Record<BudgetName, RateLimiterPostgres>;
  const keys = (email: string, address: string | null | undefined) => {
    const where = address ?? "unknown";
    return { accountAddress: keyOf(email, where), account: keyOf(email), address: keyOf("@", where) };
  };

  return {
    async consume(email, address) {
      const k = keys(email, address);
      const names = Object.keys(SIGN_IN_BUDGETS) as BudgetName[];
      const outcomes = await Promise.all(
        names.map((name) =>
          limiters[name].consume(k[name]).then(
            () => null,
            (error: unknown) => {
              if (!(error instanceof RateLimiterRes)) throw error;
              return { name, res: error };
            },
          ),
        ),
      );
      const refused = outcomes.find((o) => o !== null);
      if (!refused) return { allowed: true };
      return {
        allowed: false,
        budget: refused.name,
        retryAfterSeconds: Math.ceil(refused.res.msBeforeNext / 1000),
        // The store's upsert is atomic, so exactly one request across all processes sees the
        // first point past the budget: the caller audits that one, not every hammered request.
        firstRefusal: refused.res.consumedPoints === SIGN_IN_BUDGETS[refused.name].points + 1,
      };
    },
    async succeeded(email, address) {
      const k = keys(email, address);
      await Promise.all([
        limiters.accountAddress.delete(k.accountAddress),
        limiters.account.reward(k.account, 1),
        limiters.address.reward(k.address, 1),
      ]);
    },
  };
}

// One small pool per process, apart from Prisma's, created on first use and kept across hot
// reloads in development. It connects with DATABASE_URL (the app role).
const g = globalThis as unknown as {
  __permanenciaSignInLimiter?: { url: string; pool: pg.Pool; limiter: SignInLimiter };
};

export function signInLimiter(): SignInLimiter {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (g.__permanenciaSignInLimiter?.url !== url) {
    const pool = new pg.Pool({ connectionString: url, max: 2, application_name: "permanencia-signin-limit" });
    pool.on("error", () => {}); // a dropped idle connection must not crash the server
    g.__permanenciaSignInLimiter = { url, pool, limiter: createSignInLimiter(pool) };
  }
  return g.__permanenciaSignInLimiter.limiter;
}

/** Closes this process's limiter pool (tests dropping their database, commands that exit). */
export async function closeSignInLimiter(): Promise<void> {
  const current = g.__permanenciaSignInLimiter;
  g.__permanenciaSignInLimiter = undefined;
  await current?.pool.end().catch(() => {});
}
