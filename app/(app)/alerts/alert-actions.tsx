"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useBoundAction } from "@/components/forms/use-bound-action";
import { useLightActionForm } from "@/components/forms/use-light-action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { dismissAlertAction } from "@/lib/alerts/actions";
import { openCaseFromAlertAction } from "@/lib/cases/actions";

type Props = { alertId: string; studentName: string; hasOpenCase: boolean; canOpenCase: boolean };

// The inbox renders these actions for each of up to a few dozen alerts, so they stay light
// (decision 017): "Abrir caso" has no field to check (useBoundAction, no form state), and the
// dismiss dialog with its form is mounted only once it is asked for (before hydration it
// cannot open anyway).

/** "Abrir caso" and "Descartar" (with a confirmation dialog that requires a reason). */
export function AlertActions({ alertId, studentName, hasOpenCase, canOpenCase }: Props) {
  const t = useTranslations("alerts");
  // Success goes to the case (the action redirects); only a refusal stays here.
  const openCase = useBoundAction(openCaseFromAlertAction, { alertId });
  const [asked, setAsked] = useState(false);

  return (
    <div className="inbox-actions">
      {canOpenCase ? (
        <ActionForm form={openCase}>
          <Button type="submit" disabled={openCase.pending}>
            {openCase.pending ? t("openCase.pending") : hasOpenCase ? t("openCase.attach") : t("openCase.button")}
          </Button>
        </ActionForm>
      ) : null}
      <Button variant="secondary" aria-haspopup="dialog" onClick={() => setAsked(true)}>
        {t("dismiss.button")}
      </Button>
      {openCase.result && !openCase.result.ok ? (
        <div className="w-full">
          <FormStatus result={openCase.result} />
        </div>
      ) : null}
      {asked ? <DismissDialog alertId={alertId} studentName={studentName} onClose={() => setAsked(false)} /> : null}
    </div>
  );
}

/** The confirmation: a modal dialog, open while it is mounted; closing it (Esc too) unmounts it. */
function DismissDialog({
  alertId,
  studentName,
  onClose,
}: {
  alertId: string;
  studentName: string;
  onClose: () => void;
}) {
  const t = useTranslations("alerts");
  const dialog = useRef<HTMLDialogElement>(null);
  const dismiss = useLightActionForm({
    schema: () => import("@/lib/alerts/schema").then((m) => m.ZDismissAlertSchema),
    action: dismissAlertAction,
    defaultValues: { reason: "" },
    bound: { alertId },
    onSuccess: () => dialog.current?.close(),
  });
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const titleId = `dismiss-title-${alertId}`;

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 backdrop:bg-slate-900/50"
    >
      <ActionForm form={dismiss} className="space-y-4 p-4">
        <h2 id={titleId} className="text-lg font-semibold">
          {t("dismiss.title", { name: studentName })}
        </h2>
        <p className="text-sm text-slate-700">{t("dismiss.help")}</p>
        <TextAreaField
          id={`reason-${alertId}`}
          label={t("dismiss.reason")}
          rows={3}
          required
          maxLength={1000}
          {...dismiss.field("reason")}
        />
        <FormStatus result={dismiss.result} />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="ghost" onClick={() => dialog.current?.close()}>
            {t("dismiss.cancel")}
          </Button>
          <Button type="submit" variant="danger" disabled={dismiss.pending}>
            {t("dismiss.confirm")}
          </Button>
        </div>
      </ActionForm>
    </dialog>
  );
}
