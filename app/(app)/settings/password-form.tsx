"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { changePasswordAction } from "@/lib/users/actions";
import { ZChangePasswordSchema } from "@/lib/users/schema";

/** The user's own password. On success every session ends and the action goes to the login page. */
export function PasswordForm() {
  const t = useTranslations("users.password");
  const f = useActionForm({
    schema: ZChangePasswordSchema,
    action: changePasswordAction,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  return (
    <ActionForm form={f} className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">{t("help")}</p>
      <TextField
        id="current-password"
        type="password"
        autoComplete="current-password"
        label={t("current")}
        required
        {...f.field("currentPassword")}
      />
      <TextField
        id="new-password"
        type="password"
        autoComplete="new-password"
        label={t("new")}
        help={t("newHelp")}
        required
        {...f.field("newPassword")}
      />
      <TextField
        id="confirm-password"
        type="password"
        autoComplete="new-password"
        label={t("confirm")}
        required
        {...f.field("confirmPassword")}
      />
      <FormStatus result={f.result} />
      <div>
        <Button type="submit" disabled={f.pending}>
          {t("submit")}
        </Button>
      </div>
    </ActionForm>
  );
}
