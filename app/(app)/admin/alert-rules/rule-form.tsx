"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { updateAlertRuleAction } from "@/lib/alerts/actions";
import type { RuleView } from "@/lib/alerts/rule-settings";
import { ZUpdateAlertRuleSchema } from "@/lib/alerts/schema";

/** One rule of one school, checked with the server's own schema before it is sent. */
export function RuleForm({ schoolId, rule }: { schoolId: string; rule: RuleView }) {
  const t = useTranslations("alerts");
  const f = useActionForm({
    schema: ZUpdateAlertRuleSchema,
    action: updateAlertRuleAction,
    defaultValues: {
      threshold: String(rule.threshold),
      windowDays: rule.kind === "UNJUSTIFIED_RATE" ? String(rule.windowDays ?? 20) : "",
      active: rule.active,
    },
    bound: { schoolId, kind: rule.kind },
  });
  const id = `${schoolId}-${rule.kind}`;
  return (
    <ActionForm form={f} className="space-y-3 rounded-md border border-slate-200 p-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-medium">
        {t(`kinds.${rule.kind}`)}
      </h3>
      <TextField
        id={`${id}-threshold`}
        label={t("rules.threshold")}
        help={t(`rules.thresholdHelp.${rule.kind}`)}
        inputMode="decimal"
        required
        {...f.field("threshold")}
      />
      {rule.kind === "UNJUSTIFIED_RATE" ? (
        <TextField
          id={`${id}-window`}
          label={t("rules.windowDays")}
          inputMode="numeric"
          required
          {...f.field("windowDays")}
        />
      ) : null}
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" className="h-5 w-5" {...f.checkbox("active")} />
        {t("rules.active")}
      </label>
      <FormStatus result={f.result} saved={t("rules.saved")} />
      <Button type="submit" disabled={f.pending}>
        {t("rules.save")}
      </Button>
    </ActionForm>
  );
}
