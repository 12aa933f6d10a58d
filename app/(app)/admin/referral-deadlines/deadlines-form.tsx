"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { updateReferralDeadlinesAction } from "@/lib/referrals/deadline-actions";
import { ZUpdateReferralDeadlinesSchema } from "@/lib/referrals/deadline-schema";
import { REFERRAL_URGENCIES, type ResponseHours } from "@/lib/referrals/deadlines";

/** Hours per urgency, checked with the server's own schema before they are sent. */
export function DeadlinesForm({ hours }: { hours: ResponseHours }) {
  const t = useTranslations("admin.referralDeadlines");
  const f = useActionForm({
    schema: ZUpdateReferralDeadlinesSchema,
    action: updateReferralDeadlinesAction,
    defaultValues: {
      URGENT: String(hours.URGENT),
      PRIORITY: String(hours.PRIORITY),
      ROUTINE: String(hours.ROUTINE),
    },
  });
  return (
    <ActionForm form={f} className="space-y-4" aria-labelledby="deadlines-title">
      <div className="grid gap-4 sm:grid-cols-3">
        {REFERRAL_URGENCIES.map((urgency) => (
          <TextField
            key={urgency}
            id={`deadline-${urgency}`}
            label={t(`urgency.${urgency}`)}
            help={t("help", { hours: hours[urgency], days: Math.round((hours[urgency] / 24) * 10) / 10 })}
            inputMode="numeric"
            required
            {...f.field(urgency)}
          />
        ))}
      </div>
      <p className="text-sm text-slate-600">{t("appliesTo")}</p>
      <FormStatus result={f.result} saved={t("saved")} />
      <Button type="submit" disabled={f.pending}>
        {t("save")}
      </Button>
    </ActionForm>
  );
}
