"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useBoundAction } from "@/components/forms/use-bound-action";
import { Button } from "@/components/ui/button";
import { shareSensitiveAnswersAction, startEvaluationAction } from "@/lib/risk/actions";

/** "Nueva evaluación" (or "Corregir"): opens the psychologist's draft and goes to its form. */
export function StartEvaluationButton({
  caseId,
  correctsId,
  label,
  variant = "primary",
}: {
  caseId: string;
  correctsId?: string;
  label: string;
  variant?: "primary" | "secondary";
}) {
  const f = useBoundAction(startEvaluationAction, correctsId ? { caseId, correctsId } : { caseId });
  return (
    <ActionForm form={f} className="flex flex-col gap-2">
      <div>
        <Button type="submit" variant={variant} disabled={f.pending}>
          {label}
        </Button>
      </div>
      <FormStatus result={f.result} />
    </ActionForm>
  );
}

/** The psychologist shares a signed evaluation's sensitive answers with social work, or stops. */
export function ShareSensitiveForm({
  caseId,
  evaluationId,
  shared,
}: {
  caseId: string;
  evaluationId: string;
  shared: boolean;
}) {
  const t = useTranslations("risk.view");
  const f = useBoundAction(shareSensitiveAnswersAction, { caseId, evaluationId, share: !shared });
  return (
    <ActionForm form={f} className="flex flex-col gap-2">
      <p className="text-sm text-slate-800" data-testid="sharing-state">
        {shared ? t("sharedYes") : t("sharedNo")}
      </p>
      <div>
        <Button type="submit" variant="secondary" disabled={f.pending}>
          {shared ? t("unshare") : t("share")}
        </Button>
      </div>
      <FormStatus result={f.result} saved={t("shareSaved")} />
    </ActionForm>
  );
}
