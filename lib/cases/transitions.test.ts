import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import {
  allowedTransitions,
  assertTransition,
  CASE_STATES,
  checkTransition,
  requiresReason,
  transitionKind,
} from "./transitions";

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

  it("refuses an invalid move with a Spanish message naming the allowed steps", () => {
    const check = checkTransition({ from: "OPEN", to: "MONITORING" });
    expect(check).toEqual({
      ok: false,
      field: "to",
      message: "No se puede pasar de «Abierto» a «Seguimiento». Pasos permitidos: «En contacto».",
    });
    expect(checkTransition({ from: "CLOSED", to: "CLOSED" })).toMatchObject({
      ok: false,
      message: "El caso ya está en «Cerrado».",
    });
  });

  it("requires an outcome to close and a reason to go back or reopen", () => {
    expect(checkTransition({ from: "MONITORING", to: "CLOSED" })).toMatchObject({ ok: false, field: "outcome" });
    expect(checkTransition({ from: "MONITORING", to: "CLOSED", outcome: "REINTEGRATED" })).toEqual({
      ok: true,
      kind: "CLOSE",
    });
    expect(checkTransition({ from: "CLOSED", to: "OPEN", reason: "   " })).toMatchObject({
      ok: false,
      field: "reason",
      message: "Para reabrir el caso escriba el motivo.",
    });
    expect(checkTransition({ from: "CLOSED", to: "OPEN", reason: "Volvió a faltar" })).toEqual({
      ok: true,
      kind: "REOPEN",
    });
    expect(checkTransition({ from: "EVALUATION", to: "CONTACTING" })).toMatchObject({
      ok: false,
      message: "Para volver a «En contacto» escriba el motivo.",
    });
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
    }
  });
});
