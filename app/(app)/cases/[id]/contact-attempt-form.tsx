"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useLightActionForm } from "@/components/forms/use-light-action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { StateOfferButton } from "@/components/visits/state-offer-button";
import { recordContactAttemptAction } from "@/lib/visits/actions";
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from "@/lib/visits/labels";

const START = { channel: "PHONE", outcome: "", attemptedAt: "", notes: "" };

/** A call, a message or a word at school: channel, result, optional time and notes. */
export function ContactAttemptForm({ caseId }: { caseId: string }) {
  const t = useTranslations("visits.attempt");
  const tl = useTranslations("visits.labels");
  const f = useLightActionForm({
    schema: () => import("@/lib/visits/schema").then((m) => m.ZRecordContactAttemptSchema),
    action: recordContactAttemptAction,
    defaultValues: START,
    bound: { caseId },
    onSuccess: (_, form) => form.reset(START),
  });
  const offer = f.result?.ok ? f.result.data.stateOffer : null;
  return (
    <div className="flex flex-col gap-4">
      <ActionForm form={f} className="flex flex-col gap-3">
        <SelectField id="attempt-channel" label={t("channel")} {...f.field("channel")}>
          {CONTACT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {tl(`channels.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="attempt-outcome" label={t("outcome")} {...f.field("outcome")}>
          <option value="">—</option>
          {CONTACT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {tl(`attemptOutcomes.${o}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="attempt-at"
          type="datetime-local"
          label={t("attemptedAt")}
          help={t("attemptedAtHelp")}
          {...f.field("attemptedAt")}
        />
        <TextAreaField
          id="attempt-notes"
          label={t("notes")}
          help={t("notesHelp")}
          rows={2}
          maxLength={2000}
          {...f.field("notes")}
        />
        <FormStatus result={f.result} saved={t("saved")} />
        <div>
          <Button type="submit" disabled={f.pending} className="w-full sm:w-auto">
            {t("submit")}
          </Button>
        </div>
      </ActionForm>
      {offer ? <StateOfferButton key={`${offer.caseId}:${offer.version}`} offer={offer} /> : null}
    </div>
  );
}
