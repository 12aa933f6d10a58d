import type { AppLocale } from "../../messages/locales";
import type { ErrorKey, MessageValues } from "./keys";
import { renderError } from "./render";

// The one expected-error class. Only AppErrors reach the user; anything else is logged and
// shown as a generic error. An AppError names an entry of the `errors` message catalogue, so
// a server action answers in the reader's language (lib/actions/result.ts); `.message` is
// the Spanish text, for the command line, logs and tests.

export const APP_ERROR_HTTP = {
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  INVALID_INPUT: 422,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  INVALID_TRANSITION: 422,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_HTTP;

/**
 * A problem with one field (forms) or one cell (imports). `key`/`values` when the text comes
 * from the catalogue; import rows carry only `message`, Spanish like the files they describe.
 */
export type FieldIssue = {
  row?: number;
  column?: string;
  field?: string;
  key?: ErrorKey;
  values?: MessageValues;
  message: string;
};

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    public readonly key: ErrorKey,
    public readonly values: MessageValues = {},
    public readonly issues: FieldIssue[] = [],
  ) {
    super(renderError("es", key, values));
    this.name = "AppError";
  }

  get status(): number {
    return APP_ERROR_HTTP[this.code];
  }

  /** The message in the reader's language. */
  render(locale: AppLocale): string {
    return renderError(locale, this.key, this.values);
  }
}

/** A field problem whose text comes from the catalogue. */
export function fieldIssue(field: string, key: ErrorKey, values?: MessageValues): FieldIssue {
  return { field, key, values, message: renderError("es", key, values) };
}

/** Rendered in the reader's language when it came from the catalogue, as written otherwise. */
export function renderIssue(issue: FieldIssue, locale: AppLocale): string {
  return issue.key ? renderError(locale, issue.key, issue.values) : issue.message;
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
