import { createTranslator } from "use-intl/core";
import errorsEn from "../../messages/en/errors.json";
import errorsEs from "../../messages/es/errors.json";
import type { AppLocale } from "../../messages/locales";
import type { ErrorKey, MessageRef, MessageValues } from "./keys";

// Renders entries of the `errors` catalogue outside React: AppError's Spanish `.message`, the
// reply of a server action in the caller's language, and the Spanish row errors of an import.

type Translate = (key: string, values?: Record<string, string | number>) => string;

const CATALOGUES = { es: errorsEs, en: errorsEn } as const;
const translators = new Map<AppLocale, Translate>();

function translator(locale: AppLocale) {
  let found = translators.get(locale);
  if (!found) {
    const t = createTranslator({
      locale,
      messages: { errors: CATALOGUES[locale] },
      namespace: "errors",
      onError: (error) => console.error("error catalogue:", error.message),
    });
    found = t as unknown as Translate;
    translators.set(locale, found);
  }
  return found;
}

const isRef = (v: unknown): v is MessageRef => typeof v === "object" && v !== null && "ref" in v;

export function renderError(locale: AppLocale, key: ErrorKey, values: MessageValues = {}): string {
  const t = translator(locale);
  const plain: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (Array.isArray(value)) plain[name] = value.map((v) => t(v.ref)).join(", ");
    else plain[name] = isRef(value) ? t(value.ref) : value;
  }
  return t(key, plain);
}

/** Whether `text` names a message (a leaf of the catalogue, not a group of them). */
export function isErrorKey(text: string): text is ErrorKey {
  let node: unknown = errorsEs;
  for (const part of text.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/** A message that may be a catalogue key (zod messages of converted schemas) or plain text. */
export function renderText(locale: AppLocale, text: string): string {
  return isErrorKey(text) ? renderError(locale, text) : text;
}
