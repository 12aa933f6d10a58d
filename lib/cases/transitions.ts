import { ref, type ErrorKey, type MessageValues } from "../errors/keys";
import type { CaseOutcome, CaseState } from "../generated/prisma/enums";

// The case state machine (pure; see docs/decisions/007-case-states-and-concurrency.md).
//
//   OPEN → CONTACTING → EVALUATION → INTERVENTION → MONITORING → CLOSED
//
// - Forward: one step at a time, because each step is a piece of the protocol (nobody
//   evaluates a student the team has not reached).
// - Closing: from any state once contact has been attempted (CONTACTING onwards), since a
//   student may be reintegrated, transfer or drop out at any stage; an outcome is required.
// - Backward (one step, reason required): EVALUATION → CONTACTING (contact lost),
//   INTERVENTION → EVALUATION (re-evaluate), MONITORING → INTERVENTION (relapse).
// - Reopening (reason required): CLOSED → OPEN only, so a reopened episode walks the
//   protocol again from the start.

export const CASE_STATES = [
  "OPEN",
  "CONTACTING",
  "EVALUATION",
  "INTERVENTION",
  "MONITORING",
  "CLOSED",
] as const satisfies readonly CaseState[];
export const CASE_OUTCOMES = [
  "REINTEGRATED",
  "TRANSFERRED",
  "DROPPED_OUT",
  "OTHER",
] as const satisfies readonly CaseOutcome[];

export type TransitionKind = "FORWARD" | "CLOSE" | "BACKWARD" | "REOPEN";

const TRANSITIONS: Record<CaseState, Partial<Record<CaseState, TransitionKind>>> = {
  OPEN: { CONTACTING: "FORWARD" },
  CONTACTING: { EVALUATION: "FORWARD", CLOSED: "CLOSE" },
  EVALUATION: { INTERVENTION: "FORWARD", CONTACTING: "BACKWARD", CLOSED: "CLOSE" },
  INTERVENTION: { MONITORING: "FORWARD", EVALUATION: "BACKWARD", CLOSED: "CLOSE" },
  MONITORING: { CLOSED: "CLOSE", INTERVENTION: "BACKWARD" },
  CLOSED: { OPEN: "REOPEN" },
};

const KIND_ORDER: Record<TransitionKind, number> = { FORWARD: 0, CLOSE: 1, BACKWARD: 2, REOPEN: 3 };

/** Targets reachable from `from`: the next step first, then closing, then going back. */
export function allowedTransitions(from: CaseState): CaseState[] {
  const targets = CASE_STATES.filter((to) => TRANSITIONS[from][to] !== undefined);
  return targets.sort((a, b) => KIND_ORDER[TRANSITIONS[from][a]!] - KIND_ORDER[TRANSITIONS[from][b]!]);
}

export function transitionKind(from: CaseState, to: CaseState): TransitionKind | null {
  return TRANSITIONS[from][to] ?? null;
}

/** Whether moving to `to` needs a written reason (going back or reopening). */
export function requiresReason(from: CaseState, to: CaseState): boolean {
  const kind = transitionKind(from, to);
  return kind === "BACKWARD" || kind === "REOPEN";
}

export type TransitionRequest = {
  from: CaseState;
  to: CaseState;
  outcome?: CaseOutcome | null;
  reason?: string | null;
};

export type TransitionCheck =
  | { ok: true; kind: TransitionKind }
  | { ok: false; field: "to" | "outcome" | "reason"; key: ErrorKey; values?: MessageValues };

const state = (s: CaseState) => ref(`case.states.${s}`);

export function checkTransition({ from, to, outcome, reason }: TransitionRequest): TransitionCheck {
  if (from === to) return { ok: false, field: "to", key: "case.alreadyIn", values: { state: state(from) } };
  const kind = transitionKind(from, to);
  if (!kind) {
    const allowed = allowedTransitions(from);
    const steps = allowed.length ? allowed.map(state) : [ref("case.noSteps")];
    return { ok: false, field: "to", key: "case.stepNotAllowed", values: { from: state(from), to: state(to), steps } };
  }
  if (kind === "CLOSE" && !outcome) return { ok: false, field: "outcome", key: "case.outcomeRequired" };
  if ((kind === "BACKWARD" || kind === "REOPEN") && !reason?.trim()) {
    return kind === "REOPEN"
      ? { ok: false, field: "reason", key: "case.reasonToReopen" }
      : { ok: false, field: "reason", key: "case.reasonToGoBack", values: { to: state(to) } };
  }
  return { ok: true, kind };
}
