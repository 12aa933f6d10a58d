"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { postAction } from "@/components/offline/post-action";
import { newSubmissionKey } from "@/components/offline/submission-key";
import { useLeaveWarning } from "@/components/offline/use-leave-warning";
import { useRetry } from "@/components/offline/use-retry";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Choice, ChoiceGroup } from "@/components/visits/choice";
import { recordVisitOutcomeAction } from "@/lib/visits/actions";
import { VISIT_OUTCOMES } from "@/lib/visits/labels";
import { ZRecordVisitOutcomeSchema } from "@/lib/visits/schema";
import { useOutcomeDraft } from "./use-outcome-draft";

const START = {
  outcome: "",
  metWith: "",
  addressAction: "NONE",
  newStreet: "",
  newReference: "",
  newDistrict: "",
  notes: "",
  visitedAt: "",
};

/** Outcomes that say the family is not at the address on file: it cannot be confirmed. */
const WRONG_ADDRESS = new Set(["ADDRESS_NOT_FOUND", "MOVED"]);

/**
 * The outcome at the door in few taps: one large choice for what happened (a failed visit is
 * two taps with "Guardar"), then only the fields that outcome needs — who was met for a
 * contact, the address confirmed or corrected, notes — and the time if it was not just now.
 * What is typed stays on the phone until the server has it: without connection the form says
 * so, keeps everything and sends it when the connection returns, once (its submission key).
 */
export function OutcomeForm({ userId, visitId, hasAddress }: { userId: string; visitId: string; hasAddress: boolean }) {
  const t = useTranslations("visits");
  const router = useRouter();
  const draftRef = useRef<ReturnType<typeof useOutcomeDraft> | null>(null);
  const f = useActionForm({
    schema: ZRecordVisitOutcomeSchema,
    action: async (input) => {
      const kept = draftRef.current!;
      const key = kept.draft?.key ?? newSubmissionKey();
      const at = kept.draft?.at ?? new Date().toISOString();
      // A repeat keeps the time of the first attempt when the form leaves it blank.
      const sent = { ...input, submissionKey: key, visitedAt: input.visitedAt || (kept.draft?.pending ? at : "") };
      const result = await postAction(`/visits/${visitId}/outcome`, sent, t("outcome.failedNetwork"));
      if (result.ok) {
        kept.clear();
        router.refresh();
      } else if (result.code === "NETWORK") {
        kept.markPending(f.form.getValues() as Record<string, string>, key, at);
      }
      return result;
    },
    defaultValues: START,
    // Fields hidden for the chosen outcome are not sent.
    shouldUnregister: true,
    bound: { visitId },
  });
  const kept = useOutcomeDraft(userId, visitId, f.form as never, START);
  useEffect(() => {
    draftRef.current = kept;
  });
  const waiting = kept.draft?.pending ?? false;
  useLeaveWarning(kept.draft !== null, t("outcome.leaveWarning"));
  const submit = useRef(f.onSubmit);
  useEffect(() => {
    submit.current = f.onSubmit;
  });
  useRetry(waiting && !f.pending, () => void submit.current());
  const outcome = f.form.watch("outcome");
  const addressAction = f.form.watch("addressAction");
  const wrongAddress = WRONG_ADDRESS.has(outcome);
  const { setValue } = f.form;
  useEffect(() => {
    if (wrongAddress && addressAction === "CONFIRMED") setValue("addressAction", "NONE");
  }, [wrongAddress, addressAction, setValue]);

  return (
    <ActionForm form={{ ...f, action: recordVisitOutcomeAction }} className="flex flex-col gap-5">
      {kept.draft && !f.form.formState.isDirty && !f.result ? (
        <Notice>{waiting ? t("outcome.restoredPending") : t("outcome.restored")}</Notice>
      ) : null}
      <ChoiceGroup legend={t("outcome.question")} error={f.errorOf("outcome")} errorId="visit-outcome-error">
        {VISIT_OUTCOMES.map((o) => (
          <Choice
            key={o}
            label={t(`labels.outcomes.${o}`)}
            help={t(`labels.outcomeHelp.${o}`)}
            {...f.radio("outcome", o)}
          />
        ))}
      </ChoiceGroup>
      {outcome === "CONTACTED" ? (
        <TextField
          id="visit-met-with"
          label={t("outcome.metWith")}
          help={t("outcome.metWithHelp")}
          maxLength={200}
          autoComplete="off"
          {...f.field("metWith")}
        />
      ) : null}
      {outcome ? (
        <ChoiceGroup
          legend={t("outcome.addressQuestion")}
          error={f.errorOf("addressAction")}
          errorId="visit-address-error"
        >
          <Choice label={t("outcome.addressNone")} {...f.radio("addressAction", "NONE")} />
          {hasAddress && !wrongAddress ? (
            <Choice label={t("outcome.addressConfirmed")} {...f.radio("addressAction", "CONFIRMED")} />
          ) : null}
          <Choice
            label={outcome === "MOVED" ? t("outcome.newAddressMoved") : t("outcome.addressCorrected")}
            {...f.radio("addressAction", "CORRECTED")}
          />
        </ChoiceGroup>
      ) : null}
      {outcome && addressAction === "CORRECTED" ? (
        <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">{t("outcome.newAddress")}</legend>
          <TextField
            id="visit-new-street"
            label={t("outcome.newStreet")}
            maxLength={200}
            autoComplete="off"
            {...f.field("newStreet")}
          />
          <TextField
            id="visit-new-reference"
            label={t("outcome.newReference")}
            help={t("outcome.newReferenceHelp")}
            maxLength={200}
            autoComplete="off"
            {...f.field("newReference")}
          />
          <TextField
            id="visit-new-district"
            label={t("outcome.newDistrict")}
            maxLength={100}
            autoComplete="off"
            {...f.field("newDistrict")}
          />
        </fieldset>
      ) : null}
      <TextAreaField
        id="visit-notes"
        label={t("outcome.notes")}
        help={t("outcome.notesHelp")}
        rows={3}
        maxLength={2000}
        {...f.field("notes")}
      />
      <details className="rounded-md border border-slate-200">
        <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium text-slate-800">
          {t("outcome.visitedAt")}
        </summary>
        <div className="border-t border-slate-200 p-3">
          <TextField
            id="visit-at"
            type="datetime-local"
            label={t("outcome.visitedAt")}
            help={t("outcome.visitedAtHelp")}
            {...f.field("visitedAt")}
          />
        </div>
      </details>
      <FormStatus result={f.result} />
      {waiting && !f.pending ? (
        <Button variant="secondary" onClick={() => void submit.current()} className="w-full">
          {t("outcome.retryNow")}
        </Button>
      ) : null}
      <Button type="submit" disabled={f.pending} className="w-full text-base">
        {t("outcome.submit")}
      </Button>
    </ActionForm>
  );
}
