"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authorizeCredentials } from "./options";
import { getRequestOrigin } from "./origin";
import { clearSessionCookies, currentSessionToken, startSession } from "./session-cookie";
import { endSession } from "./sign-out";
import { safeCallbackPath, SIGN_IN_ERRORS, signInErrorKey, signInSchema, type SignInFormState } from "./sign-in";

const KNOWN_REFUSALS: readonly string[] = Object.values(SIGN_IN_ERRORS);

/**
 * The login form's action. As a server action it also runs when the form is submitted
 * before the page hydrates (a plain POST): the password travels in the request body only,
 * never in a URL. Same credentials check as next-auth's endpoint (rate limit and audit
 * included), then the same session cookie (session-cookie.ts).
 */
export async function signInAction(_prev: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const input = { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
  const email = input.email.slice(0, 254);
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: SignInFormState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "email" || field === "password") && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { error: null, fieldErrors, email };
  }
  try {
    const user = await authorizeCredentials(parsed.data, { headers: Object.fromEntries(await headers()) });
    await startSession(user);
  } catch (error) {
    if (error instanceof Error && KNOWN_REFUSALS.includes(error.message)) {
      return { error: signInErrorKey(error.message), email };
    }
    console.error("sign-in failed", error);
    return { error: "unexpected", email };
  }
  redirect(safeCallbackPath(formData.get("callbackUrl")));
}

/**
 * The "Cerrar sesión" button's action: a plain form post, so signing out needs no script (and
 * next-auth's client library stays out of every page's JavaScript). Like next-auth's own
 * sign-out event (options.ts) it ends the session in the database first — every copy of the
 * cookie stops working — audited, then removes the cookie from this browser.
 */
export async function signOutAction(): Promise<void> {
  await endSession(await currentSessionToken(), await getRequestOrigin());
  await clearSessionCookies();
  redirect("/login");
}
