import type { z } from "zod";
import { AppError, type FieldIssue } from "../errors/app-error";
import { isErrorKey, renderError } from "../errors/render";

type ParseOptions = {
  /**
   * Id fields that come from the page, not from the user (`caseId`, `alertId`): a malformed
   * one reads as "not found", with the field's own zod message as the key, because an id
   * reveals nothing about records the caller may not see.
   */
  notFoundFields?: readonly string[];
};

/** One field issue per zod issue; messages that are catalogue keys keep their key. */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    return isErrorKey(issue.message)
      ? { field, key: issue.message, message: renderError("es", issue.message) }
      : { field, message: issue.message };
  });
}

/**
 * The input of a domain function, parsed with its zod schema, or an AppError: NOT_FOUND for a
 * malformed id field, otherwise INVALID_INPUT naming each field (the first one's text is the
 * error's own message).
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, options: ParseOptions = {}): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  const badId = issues.find((i) => options.notFoundFields?.includes(i.field!.split(".")[0]));
  if (badId) throw new AppError("NOT_FOUND", badId.key ?? "notFound");
  const first = issues[0];
  if (first?.key) throw new AppError("INVALID_INPUT", first.key, {}, issues);
  throw new AppError("INVALID_INPUT", "invalidInput", {}, issues);
}
