"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { updateAlertRuleAction, type AlertActionState } from "@/lib/alerts/actions";
import type { RuleView } from "@/lib/alerts/rule-settings";

/** One rule of one school. The server validates with the same zod schema and answers in Spanish. */
export function RuleForm({ schoolId, rule }: { schoolId: string; rule: RuleView }) {
  const t = useTranslations("alerts");
  const [state, action, pending] = useActionState<AlertActionState, FormData>(updateAlertRuleAction, null);
  const id = `${schoolId}-${rule.kind}`;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const typed = state && !state.ok ? state.values : null;
  // Re-mounting the fields with what was typed: React resets a form after its action.
  const key = state?.at ?? 0;
  const generic =
    state && !state.ok && Object.keys(errors).length === 0 ? (state.message ?? t("rules.genericError")) : null;
  return (
    <form action={action} className="space-y-3 rounded-md border border-slate-200 p-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-medium">
        {t(`kinds.${rule.kind}`)}
      </h3>
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="kind" value={rule.kind} />
      <TextField
        id={`${id}-threshold`}
        name="threshold"
        label={t("rules.threshold")}
        help={t(`rules.thresholdHelp.${rule.kind}`)}
        inputMode="decimal"
        key={`t${key}`}
        defaultValue={typed?.threshold ?? String(rule.threshold)}
        error={errors.threshold}
        required
      />
      {rule.kind === "UNJUSTIFIED_RATE" ? (
        <TextField
          id={`${id}-window`}
          name="windowDays"
          label={t("rules.windowDays")}
          inputMode="numeric"
          key={`w${key}`}
          defaultValue={typed?.windowDays ?? String(rule.windowDays ?? 20)}
          error={errors.windowDays}
          required
        />
      ) : null}
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input
          key={`a${key}`}
          type="checkbox"
          name="active"
          defaultChecked={typed ? typed.active === "on" : rule.active}
          className="h-5 w-5"
        />
        {t("rules.active")}
      </label>
      {generic ? <Notice tone="error">{generic}</Notice> : null}
      {state?.ok ? <Notice tone="success">{t("rules.saved")}</Notice> : null}
      <Button type="submit" disabled={pending}>
        {t("rules.save")}
      </Button>
    </form>
  );
}
