"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { useLightActionForm } from "@/components/forms/use-light-action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { changeCaseStateAction } from "@/lib/cases/actions";
import { allowedTransitions, CASE_OUTCOMES, CASE_STATES, requiresReason } from "@/lib/cases/transitions";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { CaseFormStatus } from "./form-status";

type Props = {
  caseId: string;
  version: number;
  state: CaseState;
  /** Referrals of the case still SENT or ACCEPTED: closing over them needs a confirmation. */
  unsettled?: { count: number; agencies: string };
};

/**
 * "Cambiar estado": the allowed steps come first; the other states are listed too, so the
 * protocol is visible, and the server explains why such a move is refused.
 */
export function StateForm({ caseId, version, state, unsettled }: Props) {
  const t = useTranslations("cases.stateForm");
  const ts = useTranslations("cases.states");
  const tout = useTranslations("cases.outcomes");
  const tr = useTranslations("referrals.case");
  const allowed = allowedTransitions(state);
  const others = CASE_STATES.filter((s) => s !== state && !allowed.includes(s));
  // Starts empty: one stray click on "Guardar estado" must not move a case.
  const start = { to: "", outcome: "", outcomeNote: "", reason: "", confirmOpenReferrals: false };
  const f = useLightActionForm({
    schema: () => import("@/lib/cases/schema").then((m) => m.ZChangeCaseStateSchema),
    action: changeCaseStateAction,
    defaultValues: start,
    // A saved change moves the case: the form starts again, empty.
    values: start,
    // Fields hidden for the chosen step (outcome, reason) are not sent.
    shouldUnregister: true,
    bound: { caseId, version },
  });
  const to = f.form.watch("to") as CaseState | "";

  return (
    <ActionForm form={f} className="flex flex-col gap-3" aria-describedby="state-help">
      <p id="state-help" className="text-sm text-slate-700">
        {t("help", { state: ts(state) })}
      </p>
      <SelectField id="case-state-to" label={t("label")} {...f.field("to")}>
        <option value="" disabled>
          {t("placeholder")}
        </option>
        {allowed.length ? (
          <optgroup label={t("allowed")}>
            {allowed.map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label={t("others")}>
          {others.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </optgroup>
      </SelectField>
      {to === "CLOSED" ? (
        <>
          <SelectField id="case-state-outcome" label={t("outcome")} {...f.field("outcome")}>
            <option value="">{t("outcomePlaceholder")}</option>
            {CASE_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {tout(o)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id="case-state-outcome-note"
            label={t("outcomeNote")}
            rows={2}
            maxLength={2000}
            {...f.field("outcomeNote")}
          />
          {unsettled?.count ? (
            <div className="flex flex-col gap-1 rounded-md border border-amber-700 bg-amber-50 p-3">
              <label className="flex items-start gap-3 text-sm font-medium text-slate-900">
                <input
                  type="checkbox"
                  className="mt-0.5 size-5 shrink-0 accent-teal-700"
                  aria-describedby="case-state-confirm-help"
                  {...f.checkbox("confirmOpenReferrals")}
                />
                {tr("confirmOpen", unsettled)}
              </label>
              <p id="case-state-confirm-help" className="text-sm text-slate-700">
                {tr("confirmHelp")}
              </p>
              {f.errorOf("confirmOpenReferrals") ? (
                <p className="text-sm font-medium text-red-700">{f.errorOf("confirmOpenReferrals")}</p>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
      {to && requiresReason(state, to) ? (
        <TextAreaField
          id="case-state-reason"
          label={t("reason")}
          help={t("reasonHelp")}
          rows={3}
          maxLength={2000}
          {...f.field("reason")}
        />
      ) : null}
      <CaseFormStatus form={f} version={version} saved={t("saved")} />
      <div>
        <Button type="submit" disabled={f.pending}>
          {t("submit")}
        </Button>
      </div>
    </ActionForm>
  );
}
