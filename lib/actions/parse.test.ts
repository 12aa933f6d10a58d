import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZAddCaseNoteSchema } from "../cases/schema";
import { AppError } from "../errors/app-error";
import { errorKey } from "../errors/keys";
import { parseOrThrow } from "./parse";

const CASE_ID = "0b8f2f4e-6d1a-4c1b-9a57-3f7a2d1c9e10";
const refusal = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("not refused");
};

describe("parseOrThrow", () => {
  it("returns the parsed (trimmed, coerced) input", () => {
    expect(parseOrThrow(ZAddCaseNoteSchema, { caseId: CASE_ID, version: "3", body: "  Llamó la madre " })).toEqual({
      caseId: CASE_ID,
      version: 3,
      body: "Llamó la madre",
    });
  });

  it("names each refused field with its catalogue key and Spanish text; the first one is the message", () => {
    const error = refusal(() => parseOrThrow(ZAddCaseNoteSchema, { caseId: CASE_ID, version: "x", body: " " }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.issues).toEqual([
      { field: "version", key: "case.versionMissing", message: "Falta la versión del caso; recargue la página." },
      { field: "body", key: "case.noteRequired", message: "Escriba la nota." },
    ]);
    expect(error.message).toBe("Falta la versión del caso; recargue la página.");
    expect(error.render("en")).toBe("The case version is missing; reload the page.");
  });

  it("reads a malformed id field as not found, with the id's own key, whatever else is wrong", () => {
    const error = refusal(() =>
      parseOrThrow(ZAddCaseNoteSchema, { caseId: "1 OR 1=1", body: "" }, { notFoundFields: ["caseId"] }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("El caso no existe o no está a su alcance.");
    expect(error.issues).toEqual([]);
    // Without the option the same id is an ordinary invalid field.
    expect(refusal(() => parseOrThrow(ZAddCaseNoteSchema, { caseId: "x", version: 1, body: "a" })).code).toBe(
      "INVALID_INPUT",
    );
  });

  it("joins nested paths and keeps a message that is not a key as written", () => {
    const schema = z.object({
      marks: z.array(z.object({ status: z.enum(["A"], errorKey("attendance.statusInvalid")) })),
      note: z.string("Texto libre."),
    });
    const error = refusal(() => parseOrThrow(schema, { marks: [{ status: "A" }, { status: "B" }], note: 1 }));
    expect(error.issues).toEqual([
      { field: "marks.1.status", key: "attendance.statusInvalid", message: "Estado de asistencia inválido." },
      { field: "note", message: "Texto libre." },
    ]);
    expect(error.key).toBe("attendance.statusInvalid");
    const plainOnly = refusal(() => parseOrThrow(schema, { marks: [], note: 1 }));
    expect(plainOnly.message).toBe("Datos no válidos.");
  });
});
