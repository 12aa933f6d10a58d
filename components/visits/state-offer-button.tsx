"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useBoundAction } from "@/components/forms/use-bound-action";
import { Button } from "@/components/ui/button";
import { changeCaseStateAction } from "@/lib/cases/actions";

type Offer = { caseId: string; version: number; from: string; to: string };

/**
 * The next case state the protocol suggests after a contact, as one button: accepting goes
 * through the case state machine with the version the offer was computed on (a case changed
 * meanwhile answers CONFLICT); ignoring it changes nothing.
 */
export function StateOfferButton({ offer }: { offer: Offer }) {
  const t = useTranslations("visits.done");
  const tc = useTranslations("cases.states");
  const to = tc(offer.to);
  const f = useBoundAction(changeCaseStateAction, { caseId: offer.caseId, version: offer.version, to: offer.to });
  return (
    <ActionForm form={f} className="flex flex-col gap-2" aria-labelledby="state-offer-title">
      <h2 id="state-offer-title" className="font-semibold text-slate-900">
        {t("offerTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("offerHelp", { from: tc(offer.from), to })}</p>
      <FormStatus result={f.result} saved={t("offerDone", { to })} />
      {f.result?.ok ? null : (
        <div>
          <Button type="submit" variant="secondary" disabled={f.pending} className="w-full sm:w-auto">
            {t("offerButton", { to })}
          </Button>
        </div>
      )}
    </ActionForm>
  );
}
