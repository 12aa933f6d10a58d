"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { dismissAlertAction, type AlertActionState } from "@/lib/alerts/actions";
import { ZDismissAlertSchema } from "@/lib/alerts/schema";
import { openCaseFromAlertAction, type CaseActionState } from "@/lib/cases/actions";

type Props = { alertId: string; studentName: string; hasOpenCase: boolean; canOpenCase: boolean };

/** "Abrir caso" and "Descartar" (with a confirmation dialog that requires a reason). */
export function AlertActions({ alertId, studentName, hasOpenCase, canOpenCase }: Props) {
  const t = useTranslations("alerts");
  const dialog = useRef<HTMLDialogElement>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [dismissState, dismiss, dismissing] = useActionState<AlertActionState, FormData>(dismissAlertAction, null);
  const [caseState, openCase, opening] = useActionState<CaseActionState, FormData>(openCaseFromAlertAction, null);

  useEffect(() => {
    if (dismissState?.ok) dialog.current?.close();
  }, [dismissState]);

  // Same schema as the server: the reason is checked before the request, and again on arrival.
  const validate = (e: React.FormEvent<HTMLFormElement>) => {
    const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
    const parsed = ZDismissAlertSchema.shape.reason.safeParse(reason);
    setReasonError(parsed.success ? null : parsed.error.issues[0].message);
    if (!parsed.success) e.preventDefault();
  };
  const serverReasonError = dismissState && !dismissState.ok ? (dismissState.fieldErrors.reason ?? null) : null;
  const dismissError =
    dismissState && !dismissState.ok && !serverReasonError ? (dismissState.message ?? t("dismiss.genericError")) : null;
  const caseError = caseState && !caseState.ok ? (caseState.message ?? t("openCase.genericError")) : null;
  const titleId = `dismiss-title-${alertId}`;

  return (
    <div className="flex flex-wrap items-start gap-2">
      {canOpenCase ? (
        <form action={openCase}>
          <input type="hidden" name="alertId" value={alertId} />
          <Button type="submit" disabled={opening}>
            {opening ? t("openCase.pending") : hasOpenCase ? t("openCase.attach") : t("openCase.button")}
          </Button>
        </form>
      ) : null}
      <Button variant="secondary" onClick={() => dialog.current?.showModal()}>
        {t("dismiss.button")}
      </Button>
      {caseError ? (
        <p role="alert" className="w-full text-sm font-medium text-red-700">
          {caseError}
        </p>
      ) : null}

      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 backdrop:bg-slate-900/50"
      >
        <form action={dismiss} onSubmit={validate} noValidate className="space-y-4 p-4">
          <h2 id={titleId} className="text-lg font-semibold">
            {t("dismiss.title", { name: studentName })}
          </h2>
          <p className="text-sm text-slate-700">{t("dismiss.help")}</p>
          <input type="hidden" name="alertId" value={alertId} />
          <TextAreaField
            key={dismissState?.at ?? 0}
            defaultValue={dismissState && !dismissState.ok ? dismissState.values.reason : undefined}
            id={`reason-${alertId}`}
            name="reason"
            label={t("dismiss.reason")}
            rows={3}
            required
            maxLength={1000}
            error={reasonError ?? serverReasonError}
          />
          {dismissError ? (
            <p role="alert" className="text-sm font-medium text-red-700">
              {dismissError}
            </p>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="ghost" onClick={() => dialog.current?.close()}>
              {t("dismiss.cancel")}
            </Button>
            <Button type="submit" variant="danger" disabled={dismissing}>
              {t("dismiss.confirm")}
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
