import { z } from "zod";
import { LOCALES } from "@/messages";

export const ZUpdateLocaleSchema = z.object({ locale: z.enum(LOCALES) });
export type TUpdateLocaleSchema = z.infer<typeof ZUpdateLocaleSchema>;
