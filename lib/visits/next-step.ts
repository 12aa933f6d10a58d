import type { CaseState } from "../generated/prisma/enums";
import { transitionKind } from "../cases/transitions";

// A case's state is a person's decision: recording a contact never moves it. What the screen
// may do is *offer* the next step of the protocol, which the user accepts through the case
// state machine (lib/cases/update-case.ts changeCaseState) or ignores.

export type StateMoveOffer = { from: CaseState; to: CaseState };

/**
 * The move to offer after a visit or contact attempt was recorded on a case in `state`:
 * - the first successful contact with the family: OPEN → CONTACTING, CONTACTING → EVALUATION
 *   (the protocol convenes the student for evaluation once the family is reached);
 * - a failed attempt on a case still OPEN: OPEN → CONTACTING (the search has begun);
 * - anything else: nothing.
 */
export function offerStateMove(c: {
  state: CaseState;
  contactMade: boolean;
  firstContact: boolean;
}): StateMoveOffer | null {
  const to: CaseState | null =
    c.state === "OPEN"
      ? "CONTACTING"
      : c.state === "CONTACTING" && c.contactMade && c.firstContact
        ? "EVALUATION"
        : null;
  // Only single forward steps of the state machine are offered, never a jump.
  if (!to || transitionKind(c.state, to) !== "FORWARD") return null;
  return { from: c.state, to };
}
