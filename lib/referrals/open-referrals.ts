import "server-only";
import type { Tx } from "../db";
import { AppError, fieldIssue } from "../errors/app-error";
import { UNSETTLED_REFERRAL_STATUSES } from "./labels";

// A case does not close quietly over a referral still waiting for the agency (SENT) or
// accepted and not yet worked (ACCEPTED): the person closing it confirms they know, and the
// confirmation is recorded with the state change.

/**
 * Throws INVALID_INPUT on the confirmation field unless the case has no unsettled referral or
 * the closing was confirmed; returns how many there were. `caseId` is already in scope and locked.
 */
export async function assertReferralsSettled(tx: Tx, caseId: string, confirmed: boolean): Promise<number> {
  const open = await tx.referral.findMany({
    where: { caseId, status: { in: [...UNSETTLED_REFERRAL_STATUSES] } },
    select: { agency: { select: { name: true } } },
    orderBy: { sentAt: "asc" },
  });
  if (open.length === 0 || confirmed) return open.length;
  const values = { count: open.length, agencies: [...new Set(open.map((r) => r.agency.name))].join(", ") };
  throw new AppError("INVALID_INPUT", "referral.caseHasOpenReferrals", values, [
    fieldIssue("confirmOpenReferrals", "referral.caseHasOpenReferrals", values),
  ]);
}
