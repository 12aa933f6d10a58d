"use client";

import { useLocale, useTranslations } from "next-intl";
import { loadedErrorText } from "./error-catalogue";

/** An error key of the domain schemas ("case.noteRequired"), as opposed to a rendered text. */
const ERROR_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z0-9]+)+$/;

/**
 * Text of a form error. Zod messages of the domain schemas are keys of the `errors` catalogue,
 * rendered here in the reader's language from the catalogue the form fetched with its schema
 * (error-catalogue.ts); a server action's texts arrive already rendered and pass through.
 */
export function useErrorText() {
  const locale = useLocale();
  // Only the generic texts of `errors` come with the page (ROOT_CLIENT_NAMESPACES).
  const t = useTranslations();
  return (message: string | null | undefined): string | undefined => {
    if (!message) return undefined;
    const text = loadedErrorText(locale, message);
    if (text) return text;
    const generic = `errors.${message}`;
    if (t.has(generic as never)) return t(generic as never);
    // A key whose catalogue could not be fetched (no connection): the field is still marked.
    return ERROR_KEY.test(message) ? t("errors.invalidInput" as never) : message;
  };
}
