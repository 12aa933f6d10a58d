import type { User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authOptions, authorizeCredentials } from "../../lib/auth/options";
import { userFromCookies } from "../../lib/auth/session";
import { sessionLimits } from "../../lib/auth/session-policy";
import {
  decodeSessionToken,
  encodeSessionToken,
  refreshedSessionCookies,
  sessionCookieName,
  type CookieValue,
} from "../../lib/auth/session-token";
import { endSession } from "../../lib/auth/sign-out";
import { changeOwnPassword } from "../../lib/users/change-password";
import { endUserSessions, listManagedUsers, setUserActive } from "../../lib/users/manage-users";
import { openScenario, type Scenario } from "../fixtures/scenario";
import { requestFrom } from "../helpers/request";
import type { TestDatabase } from "../helpers/test-database";

// Decision 020: a session ends on the server, for every copy of its cookie at once (sign-out,
// password change, deactivation, an administrator's «cerrar sesiones»), after 30 minutes
// without a request and 12 hours after sign-in. The clock is driven through the token's own
// timestamps, never by waiting.

let t: TestDatabase;
let s: Scenario;
beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "test-secret-for-sessions-0123456789abcdef";
  ({ t, s } = await openScenario());
});
afterAll(() => t.drop());

const origin = { ip: "192.0.2.10", userAgent: "sessions-test", via: "web" as const };
const now = () => Math.floor(Date.now() / 1000);
let address = 0;

/** Signs in like the login form does and returns the token next-auth would put in the cookie. */
async function signIn(email: string, password = s.password): Promise<JWT> {
  // A fresh address per sign-in keeps these tests clear of the sign-in budgets.
  const user: User = await authorizeCredentials({ email, password }, requestFrom(`198.51.100.${++address}`));
  return authOptions.callbacks!.jwt!({ token: { sub: user.id }, user, account: null, trigger: "signIn" });
}

/** The cookie a browser holds for this token (what an attacker would copy). */
async function cookieFor(token: JWT): Promise<CookieValue[]> {
  return [{ name: sessionCookieName(false), value: await encodeSessionToken(token, sessionLimits().maxSeconds) }];
}

describe("[SESSIONS] a session ends on the server, for every copy of its cookie", () => {
  it("[SESSIONS] a copied cookie stops working after sign-out; the user's other sessions go on", async () => {
    const token = await signIn("educator@escenario.pe");
    const copy = await cookieFor(token);
    const phone = await cookieFor(await signIn("educator@escenario.pe"));
    expect((await userFromCookies(copy))?.id).toBe(s.users.educator.id);

    expect(await endSession(token, origin)).toBe(true);
    expect(await userFromCookies(copy)).toBeNull();
    expect((await userFromCookies(phone))?.id).toBe(s.users.educator.id);
    // Refreshing the copy's timestamps does not bring it back.
    const refreshed = await cookieFor({ ...token, seenAt: now() });
    expect(await userFromCookies(refreshed)).toBeNull();
    const audit = await t.db.auditLog.findMany({ where: { action: "auth.signout", entityId: s.users.educator.id } });
    expect(audit).toHaveLength(1);
  });

  it("[SESSIONS] deactivation ends every session, and reactivating does not revive them", async () => {
    const copy = await cookieFor(await signIn("tutor@escenario.pe"));
    expect(await userFromCookies(copy)).not.toBeNull();
    expect(await setUserActive(s.users.admin, { userId: s.users.tutor.id, active: false }, origin)).toEqual({
      active: false,
      sessionsEnded: 1,
    });
    expect(await userFromCookies(copy)).toBeNull();
    await setUserActive(s.users.admin, { userId: s.users.tutor.id, active: true }, origin);
    expect(await userFromCookies(copy)).toBeNull();
    // Signing in again works.
    expect(await userFromCookies(await cookieFor(await signIn("tutor@escenario.pe")))).not.toBeNull();
  });

  it("[SESSIONS] an administrator's «cerrar sesiones» ends every session of the account at once", async () => {
    const office = await cookieFor(await signIn("socialworker@escenario.pe"));
    const phone = await cookieFor(await signIn("socialworker@escenario.pe"));
    const listed = (await listManagedUsers(s.users.admin)).find((u) => u.id === s.users.socialWorker.id);
    expect(listed?.openSessions).toBe(2);

    expect(await endUserSessions(s.users.admin, { userId: s.users.socialWorker.id }, origin)).toEqual({
      sessionsEnded: 2,
    });
    expect(await userFromCookies(office)).toBeNull();
    expect(await userFromCookies(phone)).toBeNull();
    const audit = await t.db.auditLog.findFirst({ where: { action: "user.sessions.end" } });
    expect(audit).toMatchObject({ actorId: s.users.admin.id, entityId: s.users.socialWorker.id });
  });

  it("[SESSIONS] only an administrator may end someone's sessions or deactivate them", async () => {
    const copy = await cookieFor(await signIn("psychologist@escenario.pe"));
    for (const who of [s.users.directorA, s.users.coordinator, s.users.psychologist]) {
      await expect(endUserSessions(who, { userId: s.users.psychologist.id }, origin)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(
        setUserActive(who, { userId: s.users.psychologist.id, active: false }, origin),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await userFromCookies(copy)).not.toBeNull();
    await expect(
      setUserActive(s.users.admin, { userId: s.users.admin.id, active: false }, origin),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("[SESSIONS] a password change ends every session of the account, and needs the current password", async () => {
    const copy = await cookieFor(await signIn("directorb@escenario.pe"));
    const me = s.users.directorB;
    await expect(
      changeOwnPassword(me, {
        currentPassword: "wrong",
        newPassword: "Nueva-Clave-2026",
        confirmPassword: "Nueva-Clave-2026",
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", key: "user.currentPasswordWrong" });
    expect(await userFromCookies(copy)).not.toBeNull();

    await expect(
      changeOwnPassword(me, { currentPassword: s.password, newPassword: "corta", confirmPassword: "corta" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(
      await changeOwnPassword(
        me,
        { currentPassword: s.password, newPassword: "Nueva-Clave-2026", confirmPassword: "Nueva-Clave-2026" },
        origin,
      ),
    ).toEqual({ sessionsEnded: 1 });
    expect(await userFromCookies(copy)).toBeNull();
    await expect(signIn("directorb@escenario.pe")).rejects.toThrow("Correo o contraseña incorrectos.");
    expect(
      await userFromCookies(await cookieFor(await signIn("directorb@escenario.pe", "Nueva-Clave-2026"))),
    ).not.toBeNull();
  });
});

describe("[SESSIONS] time limits, by the token's own timestamps", () => {
  const minutes = (m: number) => m * 60;

  it("[SESSIONS] 30 minutes without a request ends the session", async () => {
    const token = await signIn("coordinator@escenario.pe");
    const at = (seenAgo: number) => cookieFor({ ...token, seenAt: now() - seenAgo });
    expect(await userFromCookies(await at(minutes(29)))).not.toBeNull();
    expect(await userFromCookies(await at(minutes(31)))).toBeNull();
  });

  it("[SESSIONS] 12 hours after sign-in the session ends, however active", async () => {
    const token = await signIn("coordinator@escenario.pe");
    const signedInAgo = (seconds: number) => cookieFor({ ...token, authTime: now() - seconds, seenAt: now() });
    expect(await userFromCookies(await signedInAgo(minutes(11 * 60 + 59)))).not.toBeNull();
    expect(await userFromCookies(await signedInAgo(minutes(12 * 60) + 1))).toBeNull();
  });

  it("[SESSIONS] both limits are configurable", () => {
    expect(sessionLimits({})).toEqual({ idleSeconds: 1800, maxSeconds: 43200 });
    expect(sessionLimits({ SESSION_IDLE_MINUTES: "10", SESSION_MAX_HOURS: "8" })).toEqual({
      idleSeconds: 600,
      maxSeconds: 28800,
    });
    expect(() => sessionLimits({ SESSION_IDLE_MINUTES: "nunca" })).toThrow(/SESSION_IDLE_MINUTES/);
  });

  it("[SESSIONS] a request refreshes the last-use time (at most once a minute); the refreshed cookie works", async () => {
    const token = await signIn("coordinator@escenario.pe");
    const fresh = await cookieFor({ ...token, seenAt: now() - 30 });
    expect(await refreshedSessionCookies(fresh)).toBeNull();

    const stale = await cookieFor({ ...token, seenAt: now() - minutes(20) });
    const set = await refreshedSessionCookies(stale);
    expect(set).toHaveLength(1);
    expect(set![0]).toMatchObject({ name: "next-auth.session-token", options: { httpOnly: true, sameSite: "lax" } });
    const refreshed = await decodeSessionToken(set![0].value);
    expect(refreshed?.seenAt).toBeGreaterThanOrEqual(now() - 2);
    expect(refreshed?.authTime).toBe(token.authTime);
    // The cookie leaves the browser at the idle timeout.
    expect(set![0].options.expires.getTime()).toBeLessThanOrEqual((now() + minutes(30) + 2) * 1000);
    expect(await userFromCookies(set!)).not.toBeNull();
    // An idle session is not refreshed back to life.
    expect(await refreshedSessionCookies(await cookieFor({ ...token, seenAt: now() - minutes(31) }))).toBeNull();
  });

  it("[SESSIONS] a forged token, one from before sessions, or a made-up session id opens nothing", async () => {
    const token = await signIn("coordinator@escenario.pe");
    const forged = await encode({ token, secret: "another-secret-0123456789abcdef0123", maxAge: 3600 });
    expect(await userFromCookies([{ name: sessionCookieName(false), value: forged }])).toBeNull();
    const { sid: _sid, ...old } = token;
    expect(await userFromCookies(await cookieFor(old))).toBeNull();
    expect(await userFromCookies(await cookieFor({ ...token, sid: crypto.randomUUID() }))).toBeNull();
    expect(await userFromCookies(await cookieFor({ ...token, id: s.users.admin.id }))).toBeNull();
  });
});
