"use server";

import { defineAction } from "../actions/action";
import { dismissAlert } from "./review";
import { updateAlertRule } from "./rule-settings";

// Server actions of the alert screens; the rules live in review.ts and rule-settings.ts.

/** "Descartar": requires a reason. */
export const dismissAlertAction = defineAction("alert.dismiss", dismissAlert, { revalidate: ["/alerts"] });

export const updateAlertRuleAction = defineAction("alertRule.update", updateAlertRule, {
  revalidate: ["/admin/alert-rules", "/alerts"],
});
