import { z } from "zod";
import { LOCALES } from "../../messages/locales";
import { errorKey } from "../errors/keys";

export const ZUpdateLocaleSchema = z.object({ locale: z.enum(LOCALES, errorKey("settings.localeInvalid")) });
export type TUpdateLocaleSchema = z.infer<typeof ZUpdateLocaleSchema>;

/** A new password: long enough to resist guessing (NIST 800-63B favours length over rules). */
export const PASSWORD_MIN_LENGTH = 10;

export const ZChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, errorKey("user.currentPasswordRequired")).max(200),
    newPassword: z
      .string()
      .min(PASSWORD_MIN_LENGTH, errorKey("user.passwordTooShort"))
      .max(200, errorKey("user.passwordTooLong")),
    confirmPassword: z.string(),
  })
  .refine((v) => v.confirmPassword === v.newPassword, {
    path: ["confirmPassword"],
    message: errorKey("user.passwordMismatch"),
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: errorKey("user.passwordUnchanged"),
  });
export type TChangePasswordSchema = z.infer<typeof ZChangePasswordSchema>;

export const ZUserRefSchema = z.object({ userId: z.uuid(errorKey("user.notFound")) });
export type TUserRefSchema = z.infer<typeof ZUserRefSchema>;

export const ZSetUserActiveSchema = z.object({
  userId: z.uuid(errorKey("user.notFound")),
  active: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()),
});
export type TSetUserActiveSchema = z.infer<typeof ZSetUserActiveSchema>;
