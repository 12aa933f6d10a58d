import type { User } from "next-auth";
import { authOptions, authorizeCredentials } from "../../lib/auth/options";
import { sessionLimits } from "../../lib/auth/session-policy";
import { encodeSessionToken, sessionCookieName, type CookieValue } from "../../lib/auth/session-token";
import { requestFrom } from "../helpers/request";

let address = 0;

/**
 * Signs in as the login form does (credentials check, a `user_session` row, next-auth's `jwt`
 * callback) and returns the cookie the browser would hold.
 */
export async function signIn(email: string, password: string): Promise<CookieValue[]> {
  // A fresh address per account keeps the probe clear of the sign-in budgets.
  const user: User = await authorizeCredentials({ email, password }, requestFrom(`198.51.100.${++address}`));
  const token = await authOptions.callbacks!.jwt!({ token: { sub: user.id }, user, account: null, trigger: "signIn" });
  return [{ name: sessionCookieName(false), value: await encodeSessionToken(token, sessionLimits().maxSeconds) }];
}
