"use client";

import { createTranslator } from "next-intl";
import { toLocale, type AppLocale } from "@/messages/locales";

// The form errors catalogue (messages/<locale>/errors.json, 17 KB in Spanish) reaches the
// browser as a static file fetched with the form's schema, not inside every page that has a
// form: a form shows one of these texts only after checking its fields in the browser, which
// needs the schema anyway. Before, every such page carried the whole catalogue in its payload,
// rendered and serialised on each request (decision 017, sixth round). The three texts a form
// may need without its schema (no connection, an unexpected failure, invalid input) still come
// with every page (ROOT_CLIENT_NAMESPACES).

type Catalogue = { [key: string]: string | Catalogue };
type Translate = (key: string) => string;

const LOADERS: Record<AppLocale, () => Promise<{ default: Catalogue }>> = {
  es: () => import("@/messages/es/errors.json"),
  en: () => import("@/messages/en/errors.json"),
};

const loaded = new Map<AppLocale, { has: (key: string) => boolean; t: Translate }>();

/**
 * Fetches the catalogue of `locale` once; a failed fetch (no connection) leaves the generic
 * texts, and the next form check tries again. The service worker keeps the file once fetched.
 */
export async function loadErrorCatalogue(locale: string): Promise<void> {
  const lang = toLocale(locale);
  if (loaded.has(lang)) return;
  try {
    const { default: errors } = await LOADERS[lang]();
    const t = createTranslator({ locale: lang, messages: { errors }, namespace: "errors" });
    loaded.set(lang, { has: (key) => t.has(key as never), t: (key) => t(key as never) });
  } catch {
    // Offline: the generic texts stand in.
  }
}

/** The text of error key `key` ("case.noteRequired") once the catalogue is loaded, else undefined. */
export function loadedErrorText(locale: string, key: string): string | undefined {
  const catalogue = loaded.get(toLocale(locale));
  return catalogue?.has(key) ? catalogue.t(key) : undefined;
}
