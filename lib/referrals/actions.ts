"use server";

import { defineAction } from "../actions/action";
import { caseFilePaths } from "../cases/paths";
import { createReferral } from "./create-referral";
import { acceptReferral, closeReferral, rejectReferral, startReferral } from "./respond-referral";

// Server actions of the referral pages. Every rule lives in the domain functions (authorize,
// scope, version, legal basis, packet, transitions); see lib/actions/action.ts.

/** "Enviar derivación": goes to the new referral's page. */
export const createReferralAction = defineAction("referral.create", createReferral, {
  revalidate: ({ caseId }) => [...caseFilePaths(caseId), "/referrals", "/"],
  redirect: ({ referralId }) => `/referrals/${referralId}`,
});

const answered = ({ referralId, caseId }: { referralId: string; caseId: string }) => [
  `/referrals/${referralId}`,
  "/referrals",
  ...caseFilePaths(caseId),
  "/",
];

export const acceptReferralAction = defineAction("referral.accept", acceptReferral, { revalidate: answered });
export const rejectReferralAction = defineAction("referral.reject", rejectReferral, { revalidate: answered });
export const startReferralAction = defineAction("referral.start", startReferral, { revalidate: answered });
export const closeReferralAction = defineAction("referral.close", closeReferral, { revalidate: answered });
