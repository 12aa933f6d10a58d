"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { anonymiseExpiredCasesAction, updateRetentionYearsAction } from "@/lib/retention/actions";
import { ZAnonymiseSchema, ZRetentionYearsSchema } from "@/lib/retention/schema";

/** The retention period in years, checked with the server's own schema before it is sent. */
export function RetentionYearsForm({ years }: { years: number }) {
  const t = useTranslations("admin.retention");
  const f = useActionForm({
    schema: ZRetentionYearsSchema,
    action: updateRetentionYearsAction,
    defaultValues: { years: String(years) },
  });
  return (
    <ActionForm form={f} className="space-y-4" aria-labelledby="retention-period-title">
      <TextField
        id="retention-years"
        label={t("yearsLabel")}
        help={t("yearsHelp", { years })}
        inputMode="numeric"
        className="max-w-32"
        required
        {...f.field("years")}
      />
      <FormStatus result={f.result} />
      <Button type="submit" disabled={f.pending}>
        {t("saveYears")}
      </Button>
    </ActionForm>
  );
}

/**
 * The destructive step: it sends the cut-off day and the number of cases the page showed, and
 * the server refuses if either no longer holds (lib/retention/anonymise.ts).
 */
export function AnonymiseForm({ cutoff, expected }: { cutoff: string; expected: number }) {
  const t = useTranslations("admin.retention");
  const f = useActionForm({
    schema: ZAnonymiseSchema,
    action: anonymiseExpiredCasesAction,
    defaultValues: {},
    bound: { cutoff, expected: String(expected) },
  });
  return (
    <ActionForm form={f} className="space-y-3" aria-labelledby="retention-confirm-title">
      <FormStatus result={f.result} />
      <Button type="submit" variant="danger" disabled={f.pending} className="w-full sm:w-auto">
        {t("confirm", { cases: expected })}
      </Button>
    </ActionForm>
  );
}
