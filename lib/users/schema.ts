import { z } from "zod";
import { LOCALES } from "../../messages/locales";
import { errorKey } from "../errors/keys";

export const ZUpdateLocaleSchema = z.object({ locale: z.enum(LOCALES, errorKey("settings.localeInvalid")) });
export type TUpdateLocaleSchema = z.infer<typeof ZUpdateLocaleSchema>;
