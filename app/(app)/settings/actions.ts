"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "@/i18n/request";
import { defineAction } from "@/lib/actions/action";
import { updateOwnLocale } from "@/lib/users/save-locale";

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * Saves the interface language on the user's own account and mirrors it in the cookie the
 * request config reads, so the next page is already in that language.
 */
export const updateLocaleAction = defineAction(
  "user.locale.update",
  async (user, input, origin) => {
    const saved = await updateOwnLocale(user, input, origin);
    (await cookies()).set(LOCALE_COOKIE, saved.locale, {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      maxAge: ONE_YEAR,
      secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
    });
    return saved;
  },
  { revalidate: [{ path: "/", type: "layout" }], redirect: () => "/settings?saved=1" },
);
