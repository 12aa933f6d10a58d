"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { changeCaseStateAction, type CaseActionState } from "@/lib/cases/actions";
import { allowedTransitions, CASE_OUTCOMES, CASE_STATES, requiresReason } from "@/lib/cases/transitions";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { CaseRefFields, FormStatus } from "./form-status";

type Props = { caseId: string; version: number; state: CaseState };

/**
 * "Cambiar estado": the allowed steps come first; the other states are listed too, so the
 * protocol is visible, and the server explains why such a move is refused.
 */
export function StateForm({ caseId, version, state }: Props) {
  const t = useTranslations("cases");
  const allowed = allowedTransitions(state);
  const others = CASE_STATES.filter((s) => s !== state && !allowed.includes(s));
  const [result, formAction, pending] = useActionState<CaseActionState, FormData>(changeCaseStateAction, null);
  const [to, setTo] = useState<CaseState>(allowed[0] ?? others[0]);
  // A saved change moves the case: start again from its new first allowed step.
  const [seen, setSeen] = useState(`${state}:${version}`);
  if (seen !== `${state}:${version}`) {
    setSeen(`${state}:${version}`);
    setTo(allowed[0] ?? others[0]);
  }
  const kept = result && !result.ok ? result.values : {};
  // React resets a form after its action; selects only take a new default when mounted, so
  // they are remounted per result to keep the user's choice (or the new first step).
  const mount = result?.at ?? 0;
  const errors = result && !result.ok ? result.fieldErrors : {};

  return (
    <form action={formAction} className="flex flex-col gap-3" aria-describedby="state-help">
      <CaseRefFields caseId={caseId} version={version} />
      <p id="state-help" className="text-sm text-slate-700">
        {t("stateForm.help", { state: t(`states.${state}`) })}
      </p>
      <SelectField
        key={`to-${mount}`}
        id="case-state-to"
        name="to"
        label={t("stateForm.label")}
        defaultValue={to}
        onChange={(e) => setTo(e.target.value as CaseState)}
        error={errors.to}
      >
        {allowed.length ? (
          <optgroup label={t("stateForm.allowed")}>
            {allowed.map((s) => (
              <option key={s} value={s}>
                {t(`states.${s}`)}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label={t("stateForm.others")}>
          {others.map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
            </option>
          ))}
        </optgroup>
      </SelectField>
      {to === "CLOSED" ? (
        <>
          <SelectField
            key={`outcome-${mount}`}
            id="case-state-outcome"
            name="outcome"
            label={t("stateForm.outcome")}
            defaultValue={kept.outcome ?? ""}
            error={errors.outcome}
          >
            <option value="">{t("stateForm.outcomePlaceholder")}</option>
            {CASE_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcomes.${o}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            id="case-state-outcome-note"
            name="outcomeNote"
            label={t("stateForm.outcomeNote")}
            rows={2}
            maxLength={2000}
            defaultValue={kept.outcomeNote ?? ""}
            error={errors.outcomeNote}
          />
        </>
      ) : null}
      {requiresReason(state, to) ? (
        <TextAreaField
          id="case-state-reason"
          name="reason"
          label={t("stateForm.reason")}
          help={t("stateForm.reasonHelp")}
          rows={3}
          maxLength={2000}
          defaultValue={kept.reason ?? ""}
          error={errors.reason}
        />
      ) : null}
      <FormStatus state={result} version={version} saved={t("stateForm.saved")} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("stateForm.submit")}
        </Button>
      </div>
    </form>
  );
}
