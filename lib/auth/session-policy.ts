// How long a session lives (decision 020): it ends after SESSION_IDLE_MINUTES without a request
// (default 30: a shared school computer left signed in) and SESSION_MAX_HOURS after sign-in
// whatever happens (default 12: a school day and its evening), and at once when revoked
// (sign-out, password change, deactivation, an administrator ending it; lib/auth/sessions.ts).

/** The timestamps a session token carries, in seconds since the epoch. */
export type SessionClaims = {
  /** The user's id. */
  id: string;
  /** The user_session row this sign-in created. */
  sid: string;
  /** When the user signed in. */
  authTime: number;
  /** The last request that refreshed the token (proxy.ts refreshes it at most once a minute). */
  seenAt: number;
};

export type SessionLimits = { idleSeconds: number; maxSeconds: number };

/** A request refreshes the token's `seenAt` once it is this old. */
export const REFRESH_AFTER_SECONDS = 60;

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} debe ser un número positivo (se recibió «${value}»).`);
  return n;
}

export function sessionLimits(env: Record<string, string | undefined> = process.env): SessionLimits {
  return {
    idleSeconds: Math.round(positive(env.SESSION_IDLE_MINUTES, 30, "SESSION_IDLE_MINUTES") * 60),
    maxSeconds: Math.round(positive(env.SESSION_MAX_HOURS, 12, "SESSION_MAX_HOURS") * 3600),
  };
}

/** Why a session has ended by time, or null while it is current. */
export function sessionTimeout(
  claims: Pick<SessionClaims, "authTime" | "seenAt">,
  nowSeconds: number,
  limits: SessionLimits = sessionLimits(),
): "idle" | "absolute" | null {
  if (!(claims.authTime > 0) || nowSeconds - claims.authTime > limits.maxSeconds) return "absolute";
  if (!(claims.seenAt > 0) || nowSeconds - claims.seenAt > limits.idleSeconds) return "idle";
  return null;
}

/** The claims of a decoded token, or null when it lacks any of them (e.g. issued before them). */
export function sessionClaims(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token) return null;
  const { id, sid, authTime, seenAt } = token;
  if (typeof id !== "string" || typeof sid !== "string") return null;
  if (typeof authTime !== "number" || typeof seenAt !== "number") return null;
  return { id, sid, authTime, seenAt };
}

export const nowInSeconds = (): number => Math.floor(Date.now() / 1000);
