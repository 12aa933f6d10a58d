"use server";

import { defineAction } from "../actions/action";
import { dismissAlert } from "./review";
import { updateAlertRules } from "./rule-settings";

// Server actions of the alert screens; the rules live in review.ts and rule-settings.ts.

/** "Descartar": requires a reason. */
export const dismissAlertAction = defineAction("alert.dismiss", dismissAlert, { revalidate: ["/alerts"] });

/** The administrator's rule table: every school's rules in one save. */
export const updateAlertRulesAction = defineAction("alertRule.update", updateAlertRules, {
  revalidate: ["/admin/alert-rules", "/alerts"],
});
