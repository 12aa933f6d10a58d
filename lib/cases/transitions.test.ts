import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { renderError } from "../errors/render";
import {
  allowedTransitions,
  CASE_STATES,
  checkTransition,
  requiresReason,
  transitionKind,
  type TransitionCheck,
} from "./transitions";
import { assertTransition } from "./update-case";

/** The refusal as a reader sees it. */
function text(check: TransitionCheck, locale: "es" | "en" = "es") {
  return check.ok ? null : renderError(locale, check.key, check.values);
}

describe("[CASES] state machine", () => {
  it("walks the protocol forward one step at a time", () => {
    expect(allowedTransitions("OPEN")).toEqual(["CONTACTING"]);
    expect(transitionKind("OPEN", "CONTACTING")).toBe("FORWARD");
    expect(transitionKind("CONTACTING", "EVALUATION")).toBe("FORWARD");
    expect(transitionKind("EVALUATION", "INTERVENTION")).toBe("FORWARD");
    expect(transitionKind("INTERVENTION", "MONITORING")).toBe("FORWARD");
    expect(transitionKind("MONITORING", "CLOSED")).toBe("CLOSE");
  });

  it("never skips a step forward", () => {
    expect(transitionKind("OPEN", "EVALUATION")).toBeNull();
    expect(transitionKind("OPEN", "MONITORING")).toBeNull();
    expect(transitionKind("CONTACTING", "INTERVENTION")).toBeNull();
    expect(transitionKind("EVALUATION", "MONITORING")).toBeNull();
  });

  it("closes from any state once contact has started, never straight from OPEN", () => {
    expect(transitionKind("OPEN", "CLOSED")).toBeNull();
    for (const from of ["CONTACTING", "EVALUATION", "INTERVENTION", "MONITORING"] as const) {
      expect(transitionKind(from, "CLOSED")).toBe("CLOSE");
    }
  });

  it("goes back only one step, and reopens a closed case only to OPEN", () => {
    expect(transitionKind("EVALUATION", "CONTACTING")).toBe("BACKWARD");
    expect(transitionKind("INTERVENTION", "EVALUATION")).toBe("BACKWARD");
    expect(transitionKind("MONITORING", "INTERVENTION")).toBe("BACKWARD");
    expect(transitionKind("CONTACTING", "OPEN")).toBeNull();
    expect(transitionKind("MONITORING", "CONTACTING")).toBeNull();
    expect(allowedTransitions("CLOSED")).toEqual(["OPEN"]);
    // The usual next step is offered first, going back last.
    expect(allowedTransitions("INTERVENTION")).toEqual(["MONITORING", "CLOSED", "EVALUATION"]);
    expect(allowedTransitions("MONITORING")).toEqual(["CLOSED", "INTERVENTION"]);
    expect(transitionKind("CLOSED", "MONITORING")).toBeNull();
  });

  it("asks a reason exactly for backward moves and reopening", () => {
    const needing: string[] = [];
    for (const from of CASE_STATES)
      for (const to of CASE_STATES) if (requiresReason(from, to)) needing.push(`${from}>${to}`);
    expect(needing.sort()).toEqual([
      "CLOSED>OPEN",
      "EVALUATION>CONTACTING",
      "INTERVENTION>EVALUATION",
      "MONITORING>INTERVENTION",
    ]);
  });

  it("refuses an invalid move with a message naming the allowed steps, in the reader's language", () => {
    const check = checkTransition({ from: "OPEN", to: "MONITORING" });
    expect(check).toMatchObject({ ok: false, field: "to" });
    expect(text(check)).toBe("No se puede pasar de «Abierto» a «Seguimiento». Pasos permitidos: «En contacto».");
    expect(text(check, "en")).toBe("A case cannot go from “Open” to “Monitoring”. Allowed steps: “Contacting”.");
    expect(text(checkTransition({ from: "EVALUATION", to: "MONITORING" }))).toBe(
      "No se puede pasar de «En evaluación» a «Seguimiento». Pasos permitidos: «En intervención», «Cerrado», «En contacto».",
    );
    expect(text(checkTransition({ from: "CLOSED", to: "CLOSED" }))).toBe("El caso ya está en «Cerrado».");
  });

  it("requires an outcome to close and a reason to go back or reopen", () => {
    expect(checkTransition({ from: "MONITORING", to: "CLOSED" })).toMatchObject({ ok: false, field: "outcome" });
    expect(checkTransition({ from: "MONITORING", to: "CLOSED", outcome: "REINTEGRATED" })).toEqual({
      ok: true,
      kind: "CLOSE",
    });
    const reopen = checkTransition({ from: "CLOSED", to: "OPEN", reason: "   " });
    expect(reopen).toMatchObject({ ok: false, field: "reason" });
    expect(text(reopen)).toBe("Para reabrir el caso escriba el motivo.");
    expect(checkTransition({ from: "CLOSED", to: "OPEN", reason: "Volvió a faltar" })).toEqual({
      ok: true,
      kind: "REOPEN",
    });
    expect(text(checkTransition({ from: "EVALUATION", to: "CONTACTING" }))).toBe(
      "Para volver a «En contacto» escriba el motivo.",
    );
  });

  it("assertTransition throws INVALID_TRANSITION carrying the field", () => {
    expect(assertTransition({ from: "OPEN", to: "CONTACTING" })).toBe("FORWARD");
    try {
      assertTransition({ from: "CONTACTING", to: "CLOSED" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("INVALID_TRANSITION");
      expect((e as AppError).issues[0].field).toBe("outcome");
      expect((e as AppError).message).toMatch(/^Para cerrar el caso indique el resultado/);
    }
  });
});
