"use server";

import { defineAction } from "../actions/action";
import { updateReferralDeadlines } from "./deadline-settings";

/** "Guardar plazos" on /admin/referral-deadlines. */
export const updateReferralDeadlinesAction = defineAction("referralDeadline.update", updateReferralDeadlines, {
  revalidate: ["/admin/referral-deadlines"],
});
