import { z } from "zod";
import { errorKey } from "../errors/keys";
import { limaDateTime } from "./due";

// Recording how an urgent referral was made, while the referral inbox does not exist yet.

import { URGENT_REFERRAL_CHANNELS } from "./channels";

export { URGENT_REFERRAL_CHANNELS };

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const ZCompleteTaskSchema = z.object({
  caseId: z.guid({ error: errorKey("case.notFound") }),
  taskId: z.guid({ error: errorKey("task.notFound") }),
  channel: z.enum(URGENT_REFERRAL_CHANNELS, { error: errorKey("task.channelRequired") }),
  contact: z
    .string({ error: errorKey("task.contactRequired") })
    .trim()
    .min(1, { error: errorKey("task.contactRequired") })
    .max(200, { error: errorKey("task.contactTooLong") }),
  // When the referral was made (Lima time, from a datetime-local field); empty = now.
  referredAt: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((v) => limaDateTime(v) !== null, { error: errorKey("task.referredAtInvalid") })
      .optional(),
  ),
  note: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(2000, { error: errorKey("task.noteTooLong") })
      .optional(),
  ),
});
export type TCompleteTaskSchema = z.infer<typeof ZCompleteTaskSchema>;
