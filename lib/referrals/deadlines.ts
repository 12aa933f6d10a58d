import type { ReferralUrgency } from "../generated/prisma/enums";

// How long a receiving agency has to answer a referral, by urgency: an urgent case (abuse,
// self-harm) must be taken the same day; a routine one within ten calendar days.
export const REFERRAL_RESPONSE_HOURS = {
  URGENT: 24,
  PRIORITY: 72,
  ROUTINE: 240,
} as const satisfies Record<ReferralUrgency, number>;

/** The instant by which the agency must respond to a referral sent at `sentAt`. */
export function dueAtFor(urgency: ReferralUrgency, sentAt: Date): Date {
  return new Date(sentAt.getTime() + REFERRAL_RESPONSE_HOURS[urgency] * 3_600_000);
}
