"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useLightActionForm } from "@/components/forms/use-light-action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { completeCaseTaskAction } from "@/lib/tasks/actions";
import { URGENT_REFERRAL_CHANNELS } from "@/lib/tasks/channels";

/** "Marcar como realizada": how the urgent referral was made, to whom and when. */
export function TaskDoneForm({ caseId, taskId }: { caseId: string; taskId: string }) {
  const t = useTranslations("risk.tasks");
  const f = useLightActionForm({
    schema: () => import("@/lib/tasks/schema").then((m) => m.ZCompleteTaskSchema),
    action: completeCaseTaskAction,
    defaultValues: { channel: "PHONE", contact: "", referredAt: "", note: "" },
    bound: { caseId, taskId },
  });
  const id = (name: string) => `task-${taskId.slice(0, 8)}-${name}`;
  return (
    <ActionForm form={f} className="flex flex-col gap-3" aria-label={t("doneTitle")}>
      <h3 className="text-sm font-semibold text-slate-900">{t("doneTitle")}</h3>
      <SelectField id={id("channel")} label={t("channel")} {...f.field("channel")}>
        {URGENT_REFERRAL_CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(`channels.${c}`)}
          </option>
        ))}
      </SelectField>
      <TextField id={id("contact")} label={t("contact")} maxLength={200} {...f.field("contact")} />
      <TextField
        id={id("referred-at")}
        type="datetime-local"
        label={t("referredAt")}
        help={t("referredAtHelp")}
        {...f.field("referredAt")}
      />
      <TextAreaField id={id("note")} label={t("note")} rows={2} maxLength={2000} {...f.field("note")} />
      <FormStatus result={f.result} saved={t("saved")} />
      <div>
        <Button type="submit" disabled={f.pending}>
          {t("submit")}
        </Button>
      </div>
    </ActionForm>
  );
}
