"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { dismissAlertAction } from "@/lib/alerts/actions";
import { ZDismissAlertSchema, ZOpenCaseFromAlertSchema } from "@/lib/alerts/schema";
import { openCaseFromAlertAction } from "@/lib/cases/actions";

type Props = { alertId: string; studentName: string; hasOpenCase: boolean; canOpenCase: boolean };

/** "Abrir caso" and "Descartar" (with a confirmation dialog that requires a reason). */
export function AlertActions({ alertId, studentName, hasOpenCase, canOpenCase }: Props) {
  const t = useTranslations("alerts");
  const dialog = useRef<HTMLDialogElement>(null);
  // Success goes to the case (the action redirects); only a refusal stays here.
  const openCase = useActionForm({
    schema: ZOpenCaseFromAlertSchema,
    action: openCaseFromAlertAction,
    defaultValues: {},
    bound: { alertId },
  });
  const dismiss = useActionForm({
    schema: ZDismissAlertSchema,
    action: dismissAlertAction,
    defaultValues: { reason: "" },
    bound: { alertId },
    onSuccess: () => dialog.current?.close(),
  });
  const titleId = `dismiss-title-${alertId}`;
  // The dialog's form is rendered when first asked for, not for every alert of the inbox up
  // front (it was most of the page's HTML); before hydration the dialog cannot open anyway.
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (asked) dialog.current?.showModal();
  }, [asked]);

  return (
    <div className="flex flex-wrap items-start gap-2">
      {canOpenCase ? (
        <ActionForm form={openCase}>
          <Button type="submit" disabled={openCase.pending}>
            {openCase.pending ? t("openCase.pending") : hasOpenCase ? t("openCase.attach") : t("openCase.button")}
          </Button>
        </ActionForm>
      ) : null}
      <Button variant="secondary" onClick={() => (asked ? dialog.current?.showModal() : setAsked(true))}>
        {t("dismiss.button")}
      </Button>
      <div className="w-full empty:hidden">
        <FormStatus result={openCase.result} />
      </div>

      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg p-0 backdrop:bg-slate-900/50"
      >
        {asked ? (
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
        ) : null}
      </dialog>
    </div>
  );
}
