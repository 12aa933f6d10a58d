"use client";

import { useTranslations } from "next-intl";

/**
 * Text of a form error. Zod messages of the domain schemas are keys of the `errors`
 * catalogue, rendered here in the reader's language; a server action's texts arrive already
 * rendered and pass through.
 */
export function useErrorText() {
  const t = useTranslations("errors");
  return (message: string | null | undefined): string | undefined => {
    if (!message) return undefined;
    return t.has(message as never) ? t(message as never) : message;
  };
}
