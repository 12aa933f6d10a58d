import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages } from "./pick-messages";

/**
 * What every page's client components may read: the shell's own strings, sign-in, and the form
 * errors a form may show without its schema (components/forms/error-catalogue.ts has the rest).
 */
export const ROOT_CLIENT_NAMESPACES = [
  "common",
  "auth",
  "errors.unexpected",
  "errors.network",
  "errors.invalidInput",
] as const;

/**
 * Hands client components the catalogue parts they read, and nothing else: every message
 * given here is serialised into each response (the RSC payload, then again inside the HTML),
 * and the whole catalogue was three quarters of a small page. A provider replaces the one
 * above it, so the root namespaces are always included. A route lists what its client
 * components ask for (useTranslations("…")); tests/unit/client-messages.test.ts checks it.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, [...ROOT_CLIENT_NAMESPACES, ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}
