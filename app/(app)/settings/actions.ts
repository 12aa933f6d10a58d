"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LOCALE_COOKIE } from "@/i18n/request";
import { getRequestOrigin } from "@/lib/auth/origin";
import { requireUser } from "@/lib/auth/session";
import { saveUserLocale } from "@/lib/users/save-locale";
import { ZUpdateLocaleSchema } from "./schema";

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * Saves the interface language on the user's own account and mirrors it in the cookie the
 * request config reads. Own-account setting: any signed-in user, and the write is bound to
 * the session's user id, so no permission from the policy table applies.
 */
export async function updateLocale(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = ZUpdateLocaleSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) redirect("/settings?error=locale");
  const { locale } = parsed.data;

  await saveUserLocale(user, locale, await getRequestOrigin());

  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    maxAge: ONE_YEAR,
    secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
  revalidatePath("/", "layout");
  redirect("/settings?saved=1");
}
