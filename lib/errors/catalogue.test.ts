import { describe, expect, it } from "vitest";
import errorsEn from "../../messages/en/errors.json";
import errorsEs from "../../messages/es/errors.json";
import { AppError, fieldIssue, renderIssue } from "./app-error";
import { ref } from "./keys";
import { isErrorKey, renderError, renderText } from "./render";

type Tree = { [key: string]: string | Tree };

/** key → the ICU argument names its message uses. */
function entries(tree: Tree, prefix = ""): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") {
      const args = [...v.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]);
      out.set(`${prefix}${k}`, [...new Set(args)].sort());
    } else for (const [kk, vv] of entries(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

describe("the errors catalogue", () => {
  const es = entries(errorsEs);
  const en = entries(errorsEn);

  // Keys used in code are typed from the Spanish file (lib/errors/keys.ts), so a key missing
  // there fails the typecheck; English must then have every one of them, with the same arguments.
  it("has the same keys and the same ICU arguments in Spanish and English", () => {
    expect([...en.keys()].sort()).toEqual([...es.keys()].sort());
    for (const [key, args] of es) expect([key, en.get(key)]).toEqual([key, args]);
  });

  it("renders every entry in both languages", () => {
    const values = {
      code: "1234567",
      count: 2,
      mb: 20,
      name: "Ana",
      state: "x",
      from: "x",
      to: "x",
      steps: "x",
      age: 13,
      date: "01/02/2026",
      agency: "x",
      agencies: "x",
    };
    for (const key of es.keys()) {
      if (!isErrorKey(key)) throw new Error(`not a key: ${key}`);
      for (const locale of ["es", "en"] as const) {
        const text = renderError(locale, key, values);
        expect(text, `${locale} ${key}`).not.toBe(`errors.${key}`);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });
});

describe("AppError", () => {
  it("keeps the Spanish text as its message and renders in the reader's language", () => {
    const error = new AppError("NOT_FOUND", "case.notFound");
    expect(error.message).toBe("El caso no existe o no está a su alcance.");
    expect(error.render("en")).toBe("The case does not exist or is outside your scope.");
    expect(error.status).toBe(404);
  });

  it("renders ICU arguments, plurals and values that are catalogue entries themselves", () => {
    expect(new AppError("INVALID_INPUT", "import.refused", { count: 1 }).message).toBe(
      "El archivo tiene 1 error; no se importó nada.",
    );
    expect(new AppError("INVALID_INPUT", "import.refused", { count: 3 }).render("en")).toBe(
      "The file has 3 errors; nothing was imported.",
    );
    const refused = new AppError("INVALID_TRANSITION", "case.stepNotAllowed", {
      from: ref("case.states.OPEN"),
      to: ref("case.states.CLOSED"),
      steps: [ref("case.states.CONTACTING"), ref("case.states.CLOSED")],
    });
    expect(refused.message).toBe(
      "No se puede pasar de «Abierto» a «Cerrado». Pasos permitidos: «En contacto», «Cerrado».",
    );
    expect(refused.render("en")).toBe(
      "A case cannot go from “Open” to “Closed”. Allowed steps: “Contacting”, “Closed”.",
    );
  });

  it("field issues from the catalogue follow the reader; import rows stay as written", () => {
    const issue = fieldIssue("userId", "case.alreadyAssigned", { name: "Ana" });
    expect(issue.message).toBe("Ana ya está asignado(a) a este caso.");
    expect(renderIssue(issue, "en")).toBe("Ana is already assigned to this case.");
    expect(renderIssue({ row: 3, column: "DNI", message: "El DNI «12» debe tener 8 dígitos." }, "en")).toBe(
      "El DNI «12» debe tener 8 dígitos.",
    );
  });

  it("renders a zod message that is a key, and leaves other text alone", () => {
    expect(renderText("en", "case.noteRequired")).toBe("Write the note.");
    expect(renderText("en", "Texto libre.")).toBe("Texto libre.");
    expect(isErrorKey("case")).toBe(false);
  });
});
