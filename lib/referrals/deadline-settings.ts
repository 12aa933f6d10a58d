import "server-only";
import { parseOrThrow } from "../actions/parse";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import { ZUpdateReferralDeadlinesSchema } from "./deadline-schema";
import { REFERRAL_URGENCIES, responseHours, type ResponseHours } from "./deadlines";

// ADMIN reads and changes the response hours per urgency. A change applies to referrals sent
// from then on; the deadline of a referral already sent stays as it was when it was sent.

export async function getReferralDeadlines(user: SessionUser | null): Promise<ResponseHours> {
  authorize(user, "referralDeadlines.write");
  return db.$transaction((tx) => responseHours(tx));
}

export async function updateReferralDeadlines(user: SessionUser | null, input: unknown, origin?: RequestOrigin) {
  authorize(user, "referralDeadlines.write");
  const after = parseOrThrow(ZUpdateReferralDeadlinesSchema, input);
  return db.$transaction(async (tx) => {
    const before = await responseHours(tx);
    const changed = REFERRAL_URGENCIES.filter((u) => before[u] !== after[u]);
    for (const urgency of changed) {
      await tx.referralDeadline.upsert({
        where: { urgency },
        create: { urgency, hours: after[urgency] },
        update: { hours: after[urgency], updatedAt: new Date() },
      });
    }
    if (changed.length > 0) {
      await writeAudit(
        tx,
        user,
        {
          action: "referralDeadline.update",
          entity: "ReferralDeadline",
          details: {
            before: Object.fromEntries(changed.map((u) => [u, before[u]])),
            after: Object.fromEntries(changed.map((u) => [u, after[u]])),
          },
        },
        origin,
      );
    }
    return { hours: { ...after }, changed };
  });
}
