// The one expected-error class. Only AppError messages reach the user (in Spanish); anything
// else is logged and shown as a generic error.

export const APP_ERROR_HTTP = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 422,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  INVALID_TRANSITION: 422,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_HTTP;

export type FieldIssue = { row?: number; column?: string; field?: string; message: string };

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
    public readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return APP_ERROR_HTTP[this.code];
  }
}

export const notFound = (what = "El registro") =>
  new AppError("NOT_FOUND", `${what} no existe o no está a su alcance.`);
export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
