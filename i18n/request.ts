import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getMessages, toLocale } from "../messages";

// No locale in the URL: the language is a user setting, mirrored in the `locale` cookie
// (set at sign-in from the user's profile and when the user changes it).
export const LOCALE_COOKIE = "locale";

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: getMessages(locale), timeZone: "America/Lima" };
});
