import type { AppLocale } from "../../messages/locales";
import { isAppError, renderIssue, type AppErrorCode } from "../errors/app-error";
import { renderError } from "../errors/render";

// What every server action answers: the domain function's result, or a refusal already
// rendered in the caller's language (message for the form, one text per refused field).

export type ActionFailure = {
  ok: false;
  /** NETWORK: no answer reached the browser (set there, never by the server). */
  code: AppErrorCode | "UNKNOWN" | "NETWORK";
  message: string;
  fieldErrors: Record<string, string>;
};
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** AppError → its code and texts in `locale`; anything else is logged and reads as the generic message. */
export function toFailure(error: unknown, locale: AppLocale, name: string): ActionFailure {
  if (!isAppError(error)) {
    console.error(`${name} failed`, error);
    return { ok: false, code: "UNKNOWN", message: renderError(locale, "unexpected"), fieldErrors: {} };
  }
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.field && !(issue.field in fieldErrors)) fieldErrors[issue.field] = renderIssue(issue, locale);
  }
  return { ok: false, code: error.code, message: error.render(locale), fieldErrors };
}

/**
 * Runs a domain call and turns its outcome into an ActionResult. `rethrow` lets the framework's
 * own control-flow errors (redirect, notFound) through untouched.
 */
export async function runAction<T>(
  name: string,
  locale: AppLocale,
  call: () => Promise<T>,
  rethrow: (error: unknown) => void = () => {},
): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    rethrow(error);
    return toFailure(error, locale, name);
  }
}
