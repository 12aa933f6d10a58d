import { z } from "zod";
import { errorKey } from "../errors/keys";
import { MAX_RESPONSE_HOURS, MIN_RESPONSE_HOURS } from "./deadlines";

// The administrator's form of response deadlines: hours per urgency, whole numbers, 1–720.

const hoursField = z.coerce
  .number({ error: errorKey("referralDeadline.hoursInteger") })
  .int({ error: errorKey("referralDeadline.hoursInteger") })
  .min(MIN_RESPONSE_HOURS, { error: errorKey("referralDeadline.hoursRange") })
  .max(MAX_RESPONSE_HOURS, { error: errorKey("referralDeadline.hoursRange") });

export const ZUpdateReferralDeadlinesSchema = z.object({
  URGENT: hoursField,
  PRIORITY: hoursField,
  ROUTINE: hoursField,
});
export type TUpdateReferralDeadlinesSchema = z.infer<typeof ZUpdateReferralDeadlinesSchema>;
