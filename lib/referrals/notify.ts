import "server-only";
import type { Tx } from "../db";
import type { NotificationKind, ReferralStatus } from "../generated/prisma/enums";
import { notifyUsers, referralAudience, referralDedupeKey } from "../notifications/notify";

// Who hears about each step of a referral, inside the step's own transaction: the agency when
// a referral arrives, the case team (assigned members and the sender) at every answer.

const KIND: Record<ReferralStatus, NotificationKind> = {
  SENT: "REFERRAL_RECEIVED",
  ACCEPTED: "REFERRAL_ACCEPTED",
  REJECTED: "REFERRAL_REJECTED",
  IN_PROGRESS: "REFERRAL_IN_PROGRESS",
  CLOSED: "REFERRAL_CLOSED",
};

export async function notifyReferral(tx: Tx, referralId: string, status: ReferralStatus): Promise<number> {
  const kind = KIND[status];
  const userIds = await referralAudience(tx, referralId, status === "SENT" ? "agency" : "caseTeam");
  return notifyUsers(tx, { userIds, kind, referralId, dedupeKey: referralDedupeKey(referralId, kind) });
}
