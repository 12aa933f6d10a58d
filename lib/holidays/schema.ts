import { z } from "zod";
import { errorKey } from "../errors/keys";

const ZDay = z
  .string({ error: errorKey("holiday.dayRequired") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: errorKey("holiday.dayRequired") })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00.000Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, errorKey("holiday.dayRequired"));

export const ZAddHolidaySchema = z.object({
  day: ZDay,
  name: z
    .string({ error: errorKey("holiday.nameRequired") })
    .trim()
    .min(1, { error: errorKey("holiday.nameRequired") })
    .max(100, { error: errorKey("holiday.nameTooLong") }),
});
export type TAddHolidaySchema = z.infer<typeof ZAddHolidaySchema>;

export const ZRemoveHolidaySchema = z.object({ day: ZDay });
export type TRemoveHolidaySchema = z.infer<typeof ZRemoveHolidaySchema>;
