"use server";

import { defineAction } from "../actions/action";
import { clearSessionCookies } from "../auth/session-cookie";
import { changeOwnPassword } from "./change-password";
import { endUserSessions, setUserActive } from "./manage-users";

// Server actions of the account screens: the user's own password (settings) and the
// administrator's users page. The rules live in change-password.ts and manage-users.ts.

/** Every session ends, this one too: the browser drops its cookie and signs in again. */
export const changePasswordAction = defineAction(
  "user.password.change",
  async (user, input, origin) => {
    const result = await changeOwnPassword(user, input, origin);
    await clearSessionCookies();
    return result;
  },
  { redirect: () => "/login?password=changed" },
);

export const endUserSessionsAction = defineAction("user.sessions.end", endUserSessions, {
  revalidate: ["/admin/users"],
});

export const setUserActiveAction = defineAction("user.setActive", setUserActive, {
  revalidate: ["/admin/users"],
});
