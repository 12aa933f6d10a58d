import type { z } from "zod";
import { AppError } from "../errors/app-error";
import { CASE_NOT_FOUND_MESSAGE } from "./case-lock";

/**
 * Validates a case input with its zod schema. A malformed case id reads as "not found" (ids
 * come from the client and reveal nothing); any other problem is INVALID_INPUT with one
 * Spanish message per field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ""), message: i.message }));
  if (issues.some((i) => i.field === "caseId")) throw new AppError("NOT_FOUND", CASE_NOT_FOUND_MESSAGE);
  throw new AppError("INVALID_INPUT", issues[0]?.message ?? "Datos no válidos.", issues);
}
