import { ref, type ErrorKey, type MessageValues } from "../errors/keys";
import type { ReferralStatus } from "../generated/prisma/enums";

// The referral's states (pure; docs/decisions/015-referrals.md). The agency answers:
//
//   SENT → ACCEPTED → IN_PROGRESS → CLOSED (counter-referral)
//        ↘ REJECTED (reason)        ↗ (ACCEPTED → CLOSED: a single attention needs no "in progress")
//
// REJECTED and CLOSED are final: the agency's access to the case ends there.

export type ReferralMove = "ACCEPT" | "REJECT" | "START" | "CLOSE";

export const MOVE_TARGET: Record<ReferralMove, ReferralStatus> = {
  ACCEPT: "ACCEPTED",
  REJECT: "REJECTED",
  START: "IN_PROGRESS",
  CLOSE: "CLOSED",
};

const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  SENT: ["ACCEPTED", "REJECTED"],
  ACCEPTED: ["IN_PROGRESS", "CLOSED"],
  IN_PROGRESS: ["CLOSED"],
  REJECTED: [],
  CLOSED: [],
};

/** The moves the agency may make from `status`, in the order its page offers them. */
export function allowedMoves(status: ReferralStatus): ReferralMove[] {
  return (Object.keys(MOVE_TARGET) as ReferralMove[]).filter((m) => NEXT[status].includes(MOVE_TARGET[m]));
}

export const isFinished = (status: ReferralStatus) => NEXT[status].length === 0;

export type ReferralMoveCheck = { ok: true } | { ok: false; key: ErrorKey; values: MessageValues };

const state = (s: ReferralStatus) => ref(`referral.states.${s}`);

export function checkReferralMove(from: ReferralStatus, move: ReferralMove): ReferralMoveCheck {
  const to = MOVE_TARGET[move];
  if (NEXT[from].includes(to)) return { ok: true };
  if (isFinished(from)) return { ok: false, key: "referral.finished", values: { state: state(from) } };
  return {
    ok: false,
    key: "referral.stepNotAllowed",
    values: { from: state(from), to: state(to), steps: NEXT[from].map(state) },
  };
}
