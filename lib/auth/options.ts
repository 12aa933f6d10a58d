import "server-only";
import type { AuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "../../i18n/request";
import { writeThrottledAudit } from "../audit/throttle";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import type { Locale, Role } from "../generated/prisma/enums";
import { getRequestOrigin, originFromHeaders } from "./origin";
import { verifyPassword } from "./password";
import { signInLimiter } from "./rate-limit";
import { nowInSeconds, sessionLimits } from "./session-policy";
import { createSession } from "./sessions";
import { endSession } from "./sign-out";
import { normalizeEmail, safeRedirectUrl, SIGN_IN_ERRORS, signInSchema } from "./sign-in";
import type { RequestOrigin } from "./types";

// The token only says who signed in, which session (a user_session row) it belongs to, and
// when it was issued and last used (decision 020). Role, schools, agency and the active flag are
// re-read from the database on every request (lib/auth/session.ts), so the copies here are
// hints for the client, never the basis of an authorization decision.
type TokenClaims = { role: Role; schoolIds: string[]; agencyId: string | null; locale: Locale };

declare module "next-auth" {
  interface User extends TokenClaims {
    id: string;
    /** The user_session row this sign-in opened. */
    sessionId: string;
  }
  interface Session {
    user: TokenClaims & { id: string; name: string; email: string };
  }
}
declare module "next-auth/jwt" {
  interface JWT extends Partial<TokenClaims> {
    id?: string;
    sid?: string;
    /** Sign-in time and last use, seconds since the epoch (session-policy.ts). */
    authTime?: number;
    seenAt?: number;
  }
}

// A bcrypt hash (cost 10, like real ones) of a random secret nobody knows: unknown emails
// are compared against it so they take as long as a wrong password.
const DUMMY_HASH = "$2b$10$GI5i3Gph.QV.1PSW5HHMuOi4J7R/Cp0R9w8oBtbs64L499D3.Wahq";

type FailureReason = "unknown_email" | "wrong_password" | "inactive" | "rate_limited";

/**
 * Never records the password, nor an email that matches no account (it may be a mistyped
 * password). At most AUDIT_THROTTLE.max rows per address and window (lib/audit/throttle.ts).
 */
async function auditFailure(
  userId: string | null,
  reason: FailureReason,
  origin: RequestOrigin,
  extra: Record<string, string> = {},
) {
  await writeThrottledAudit(
    db,
    `signin_failed:${origin.ip ?? "unknown"}`,
    null,
    { action: "auth.signin_failed", entity: "User", entityId: userId, details: { reason, ...extra } },
    origin,
  );
}

function headerGetter(headers: Record<string, unknown> | undefined) {
  return (name: string) => {
    const v = headers?.[name];
    return typeof v === "string" ? v : Array.isArray(v) ? String(v[0]) : null;
  };
}

/**
 * The credentials check, exported so tests exercise it directly. Every refusal throws an
 * Error whose message is one of SIGN_IN_ERRORS; next-auth hands that message to the client.
 */
export async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  req: { headers?: Record<string, unknown> } | undefined,
): Promise<User> {
  const origin = originFromHeaders(headerGetter(req?.headers));
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalidCredentials);

  const email = normalizeEmail(parsed.data.email);
  const limiter = signInLimiter();
  const limit = await limiter.consume(email, origin.ip);
  if (!limit.allowed) {
    if (limit.firstRefusal) {
      const target = await db.user.findUnique({ where: { email }, select: { id: true } });
      await auditFailure(target?.id ?? null, "rate_limited", origin, { budget: limit.budget });
    }
    throw new Error(SIGN_IN_ERRORS.rateLimited);
  }

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      locale: true,
      agencyId: true,
      passwordHash: true,
      schools: { select: { schoolId: true } },
    },
  });
  // Always run bcrypt, so an unknown email costs the same time as a wrong password.
  const passwordOk = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !passwordOk || !user.active) {
    const reason: FailureReason = !user ? "unknown_email" : !passwordOk ? "wrong_password" : "inactive";
    await auditFailure(user?.id ?? null, reason, origin);
    throw new Error(SIGN_IN_ERRORS.invalidCredentials);
  }

  await limiter.succeeded(email, origin.ip);
  const sessionId = await db.$transaction(async (tx) => {
    const id = await createSession(tx, user.id);
    await writeAudit(tx, user, { action: "auth.signin", entity: "User", entityId: user.id }, origin);
    return id;
  });
  return {
    id: user.id,
    sessionId,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    agencyId: user.agencyId,
    schoolIds: user.schools.map((s) => s.schoolId),
  };
}

export const authOptions: AuthOptions = {
  // `secret` is read by next-auth from NEXTAUTH_SECRET at request time; in production a
  // missing secret makes next-auth refuse every request (fails closed). The token lives at most
  // the absolute limit; idleness and revocation are checked on every request (session.ts).
  session: { strategy: "jwt", maxAge: sessionLimits().maxSeconds },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Correo y contraseña",
      credentials: {
        email: { label: "Correo electrónico", type: "email" },
        password: { label: "Contraseña", type: "password" },
      },
      authorize: (credentials, req) => authorizeCredentials(credentials, req),
    }),
  ],
  callbacks: {
    // Only a path on this site, whatever a link or a cookie says (a malformed URL included).
    redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
    jwt({ token, user }) {
      if (user) {
        const now = nowInSeconds();
        token.id = user.id;
        token.sid = user.sessionId;
        token.authTime = now;
        token.seenAt = now;
        token.role = user.role;
        token.schoolIds = user.schoolIds;
        token.agencyId = user.agencyId;
        token.locale = user.locale;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.id ?? "",
        name: token.name ?? "",
        email: token.email ?? "",
        role: token.role as Role,
        schoolIds: token.schoolIds ?? [],
        agencyId: token.agencyId ?? null,
        locale: token.locale ?? "es",
      };
      return session;
    },
  },
  events: {
    // Runs inside the route handler, where cookies set through next/headers are merged into
    // next-auth's response: the interface switches to the user's language right after sign-in.
    async signIn({ user }) {
      (await cookies()).set(LOCALE_COOKIE, user.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 60 * 60 });
    },
    // Ends the session in the database, so a copy of the cookie kept elsewhere stops working too.
    async signOut({ token }) {
      await endSession(token, await getRequestOrigin());
    },
  },
};

/** The options for one request: Secure cookies (and their `__Secure-` names) over TLS. */
export function authOptionsFor(secure: boolean): AuthOptions {
  return { ...authOptions, useSecureCookies: secure };
}
