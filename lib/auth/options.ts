import "server-only";
import type { AuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "../../i18n/request";
import { writeAudit } from "../audit/write-audit";
import { db } from "../db";
import type { Locale, Role } from "../generated/prisma/enums";
import { getRequestOrigin, originFromHeaders } from "./origin";
import { verifyPassword } from "./password";
import { consumeSignInAttempt, resetSignInAttempts, signInKey } from "./rate-limit";
import { normalizeEmail, SIGN_IN_ERRORS, signInSchema } from "./sign-in";
import type { RequestOrigin } from "./types";

// The token only says who signed in. Role, schools, agency and the active flag are re-read
// from the database on every request (lib/auth/session.ts), so the copies here are hints
// for the client, never the basis of an authorization decision.
type TokenClaims = { role: Role; schoolIds: string[]; agencyId: string | null; locale: Locale };

declare module "next-auth" {
  interface User extends TokenClaims {
    id: string;
  }
  interface Session {
    user: TokenClaims & { id: string; name: string; email: string };
  }
}
declare module "next-auth/jwt" {
  interface JWT extends Partial<TokenClaims> {
    id?: string;
  }
}

// A bcrypt hash (cost 10, like real ones) of a random secret nobody knows: unknown emails
// are compared against it so they take as long as a wrong password.
const DUMMY_HASH = "$2b$10$GI5i3Gph.QV.1PSW5HHMuOi4J7R/Cp0R9w8oBtbs64L499D3.Wahq";

const SESSION_HOURS = 8; // a school day; shared computers are common in schools

type FailureReason = "unknown_email" | "wrong_password" | "inactive" | "rate_limited";

/** Never records the password, nor an email that matches no account (it may be a mistyped password). */
async function auditFailure(userId: string | null, reason: FailureReason, origin: RequestOrigin) {
  await writeAudit(
    db,
    null,
    { action: "auth.signin_failed", entity: "User", entityId: userId, details: { reason } },
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
  const key = signInKey(email, origin.ip);
  const limit = await consumeSignInAttempt(key);
  if (!limit.allowed) {
    if (limit.firstRefusal) {
      const target = await db.user.findUnique({ where: { email }, select: { id: true } });
      await auditFailure(target?.id ?? null, "rate_limited", origin);
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

  await resetSignInAttempts(key);
  await writeAudit(db, user, { action: "auth.signin", entity: "User", entityId: user.id }, origin);
  return {
    id: user.id,
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
  // missing secret makes next-auth refuse every request (fails closed).
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
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
    jwt({ token, user }) {
      if (user) {
        token.id = user.id;
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
    async signOut({ token }) {
      if (!token?.id || !token.role) return;
      await writeAudit(
        db,
        { id: token.id, role: token.role },
        { action: "auth.signout", entity: "User", entityId: token.id },
        await getRequestOrigin(),
      );
    },
  },
};
