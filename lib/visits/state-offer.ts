import "server-only";
import type { Tx } from "../db";
import { offerStateMove, type StateMoveOffer } from "./next-step";

/** A state move to offer, with the case version the user must send to changeCaseState. */
export type StateOffer = StateMoveOffer & { caseId: string; version: number };

/**
 * The move to offer after a visit or attempt was recorded on a case, inside the same
 * transaction: a contact is "first" when it is the only successful one the case has.
 */
export async function offerFor(
  tx: Tx,
  ref: { caseId: string; schoolId: string },
  contactMade: boolean,
): Promise<StateOffer | null> {
  const c = await tx.case.findFirst({
    where: { id: ref.caseId, schoolId: ref.schoolId },
    select: { id: true, state: true, version: true },
  });
  if (!c) return null;
  const byCase = { caseId: ref.caseId, schoolId: ref.schoolId };
  const contacts = contactMade
    ? (await tx.homeVisit.count({ where: { ...byCase, status: "DONE", outcome: "CONTACTED" } })) +
      (await tx.contactAttempt.count({ where: { ...byCase, outcome: "REACHED" } }))
    : 0;
  const offer = offerStateMove({ state: c.state, contactMade, firstContact: contacts === 1 });
  return offer ? { ...offer, caseId: c.id, version: c.version } : null;
}
