import type { z } from "zod";
import { AppError } from "../errors/app-error";

// Validates an input of the visits domain with its zod schema. Ids come from the client and
// reveal nothing: a malformed case or visit id reads as "not found". Anything else is
// INVALID_INPUT with one Spanish message per field.

const NOT_FOUND_FIELDS: Record<string, string> = {
  caseId: "El caso no existe o no está a su alcance.",
  visitId: "La visita no existe o no está a su alcance.",
};

export function parseVisitInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ""), message: i.message }));
  const idIssue = issues.find((i) => NOT_FOUND_FIELDS[i.field]);
  if (idIssue) throw new AppError("NOT_FOUND", NOT_FOUND_FIELDS[idIssue.field]);
  throw new AppError("INVALID_INPUT", issues[0]?.message ?? "Datos no válidos.", issues);
}
