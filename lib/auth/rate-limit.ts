import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// Sign-in attempts per email + IP: 10 per 15 minutes. The memory store is per process, which
// fits one Node server (the pilot's deployment); several instances would need a shared store
// (rate-limiter-flexible has Postgres/Redis stores with the same API).
export const SIGN_IN_POINTS = 10;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

const g = globalThis as unknown as { __permanenciaSignInLimiter?: RateLimiterMemory };
// Kept on globalThis so a hot reload in development does not reset the counters.
const limiter = (g.__permanenciaSignInLimiter ??= new RateLimiterMemory({
  keyPrefix: "signin",
  points: SIGN_IN_POINTS,
  duration: SIGN_IN_WINDOW_SECONDS,
}));

export type SignInLimit = { allowed: true } | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean };

export function signInKey(email: string, ip: string | null | undefined): string {
  return `${email}|${ip ?? "unknown"}`;
}

/** Counts one attempt; refuses once the window's budget is spent. */
export async function consumeSignInAttempt(key: string): Promise<SignInLimit> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    return {
      allowed: false,
      retryAfterSeconds: Math.ceil(e.msBeforeNext / 1000),
      // Lets the caller audit the first refusal of a window rather than every hammered request.
      firstRefusal: e.consumedPoints === SIGN_IN_POINTS + 1,
    };
  }
}

/** A successful sign-in forgives earlier typos. */
export async function resetSignInAttempts(key: string): Promise<void> {
  await limiter.delete(key);
}
