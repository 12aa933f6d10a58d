import type { Prisma } from "../generated/prisma/client";
import type { ReferralUrgency } from "../generated/prisma/enums";

// How long a receiving agency has to answer (accept or reject) a referral, by urgency. The
// hours are configured by ADMIN in `referral_deadline` (lib/referrals/deadline-settings.ts);
// these are the defaults the migration writes: an urgent case (abuse, self-harm) must be taken
// within a day, a routine one within a week. A referral's dueAt is fixed when it is sent.

export const DEFAULT_RESPONSE_HOURS = {
  URGENT: 24,
  PRIORITY: 72,
  ROUTINE: 168,
} as const satisfies Record<ReferralUrgency, number>;

/** The defaults, under their historical name (the demo seed and pure callers use them). */
export const REFERRAL_RESPONSE_HOURS = DEFAULT_RESPONSE_HOURS;

/** Bounds an administrator may set (also a CHECK on referral_deadline.hours). */
export const MIN_RESPONSE_HOURS = 1;
export const MAX_RESPONSE_HOURS = 720;

export const REFERRAL_URGENCIES = ["URGENT", "PRIORITY", "ROUTINE"] as const satisfies readonly ReferralUrgency[];

export type ResponseHours = Record<ReferralUrgency, number>;

/** The instant by which the agency must respond to a referral sent at `sentAt` (pure). */
export function dueAtFor(urgency: ReferralUrgency, sentAt: Date, hours: ResponseHours = DEFAULT_RESPONSE_HOURS): Date {
  return new Date(sentAt.getTime() + hours[urgency] * 3_600_000);
}

/** The configured hours per urgency; an urgency without a row keeps its default. */
export async function responseHours(tx: Prisma.TransactionClient): Promise<ResponseHours> {
  const rows = await tx.referralDeadline.findMany({ select: { urgency: true, hours: true } });
  const hours: ResponseHours = { ...DEFAULT_RESPONSE_HOURS };
  for (const row of rows) hours[row.urgency] = row.hours;
  return hours;
}

/** The response deadline of a referral of this urgency sent at `sentAt`, with the configured hours. */
export async function referralDueAt(
  tx: Prisma.TransactionClient,
  urgency: ReferralUrgency,
  sentAt: Date,
): Promise<Date> {
  return dueAtFor(urgency, sentAt, await responseHours(tx));
}
