"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import type { AgencyType, RiskDomain, RiskLevel } from "@/lib/generated/prisma/enums";
import { discardEvaluationDraftAction, saveEvaluationAction } from "@/lib/risk/actions";
import { RISK_ANSWER_VALUES, RISK_LEVELS, ZEvaluationRefSchema, ZSaveEvaluationSchema } from "@/lib/risk/schema";
import { suggestRiskLevel } from "@/lib/risk/suggest-level";
import { SuggestionBox } from "../../suggestion-box";

// The evaluation form: one client component, usable at 360 px and by keyboard (one labelled
// radio group per item: a fieldset with its legend). The suggestion updates as items are
// answered; the server recomputes it on every save and keeps it beside the chosen level.

export type FormItem = {
  code: string;
  domain: RiskDomain;
  label: string;
  sensitive: boolean;
  urgentReferralTo: AgencyType | null;
};

type Props = {
  caseId: string;
  evaluationId: string;
  version: number;
  items: FormItem[];
  defaults: {
    answers: Record<string, string>;
    overallLevel: RiskLevel | null;
    rationale: string | null;
    protectiveNotes: string | null;
    notes: string | null;
    shareSensitiveWithSocialWorker: boolean;
  };
  /** Agency name per urgent agency type (null: none registered for the school's district). */
  urgentAgencies: Record<string, string | null>;
};

const DOMAINS: RiskDomain[] = ["HISTORICAL", "SOCIAL", "INDIVIDUAL", "PROTECTIVE"];
const choice =
  "flex min-h-11 cursor-pointer items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-2 py-1 text-center text-sm has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50 has-[:checked]:font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-teal-700";

export function EvaluationForm({ caseId, evaluationId, version, items, defaults, urgentAgencies }: Props) {
  const t = useTranslations("risk");
  const router = useRouter();
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const f = useActionForm({
    schema: ZSaveEvaluationSchema,
    action: saveEvaluationAction,
    defaultValues: {
      intent: "draft",
      answers: Object.fromEntries(items.map((i) => [i.code, defaults.answers[i.code] ?? ""])),
      overallLevel: defaults.overallLevel ?? "",
      rationale: defaults.rationale ?? "",
      protectiveNotes: defaults.protectiveNotes ?? "",
      notes: defaults.notes ?? "",
      shareSensitiveWithSocialWorker: defaults.shareSensitiveWithSocialWorker,
      urgentAcknowledged: false,
    },
    bound: { caseId, evaluationId, version },
  });
  const discard = useActionForm({
    schema: ZEvaluationRefSchema,
    action: discardEvaluationDraftAction,
    defaultValues: {},
    bound: { caseId, evaluationId },
  });
  const answers = (f.form.watch("answers") ?? {}) as Record<string, string>;
  const suggestion = suggestRiskLevel(items, answers as Parameters<typeof suggestRiskLevel>[1]);
  const urgent = items.filter((i) => i.urgentReferralTo && answers[i.code] === "PRESENT");
  const missing = items.filter((i) => !answers[i.code]).length;
  const conflict = f.result && !f.result.ok && f.result.code === "CONFLICT";
  const submitAs = (intent: "draft" | "sign") => () => f.form.setValue("intent", intent);

  return (
    <>
      <ActionForm form={f} className="flex flex-col gap-5" aria-labelledby="evaluation-form-title">
        {DOMAINS.map((domain) => {
          const group = items.filter((i) => i.domain === domain);
          if (group.length === 0) return null;
          return (
            <fieldset key={domain} className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
              <legend className="px-1 text-base font-semibold text-slate-900">{t(`domains.${domain}`)}</legend>
              <div className="flex flex-col gap-4">
                {group.map((item) => {
                  const error = f.errorOf(`answers.${item.code}`);
                  const errorId = `answer-${item.code}-error`;
                  return (
                    <fieldset
                      key={item.code}
                      data-item={item.code}
                      aria-describedby={error ? errorId : undefined}
                      aria-invalid={error ? true : undefined}
                    >
                      <legend className="mb-2 text-sm font-medium text-slate-900">
                        {item.label}
                        {item.sensitive ? (
                          <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs font-normal text-slate-800">
                            {t("sensitive")}
                          </span>
                        ) : null}
                      </legend>
                      <div className="grid grid-cols-3 gap-2">
                        {RISK_ANSWER_VALUES.map((value) => (
                          <label key={value} className={choice}>
                            <input
                              type="radio"
                              className="size-4 shrink-0"
                              {...f.radio(`answers.${item.code}`, value)}
                            />
                            <span>{t(`answers.${value}`)}</span>
                          </label>
                        ))}
                      </div>
                      {error ? (
                        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
                          {error}
                        </p>
                      ) : null}
                    </fieldset>
                  );
                })}
              </div>
              {domain === "PROTECTIVE" ? (
                <div className="mt-4">
                  <TextAreaField
                    id="evaluation-protective-notes"
                    label={t("form.protectiveNotes")}
                    help={t("form.protectiveNotesHelp")}
                    rows={3}
                    maxLength={2000}
                    {...f.field("protectiveNotes")}
                  />
                </div>
              ) : null}
            </fieldset>
          );
        })}

        {urgent.length ? (
          <div className="rounded-lg border-2 border-red-700 bg-red-50 p-3" role="status" data-testid="urgent-notice">
            <p className="font-semibold text-red-900">{t("form.urgentTitle")}</p>
            <p className="text-sm text-slate-900">
              {t("form.urgentBody", {
                agency: urgentAgencies[urgent[0].urgentReferralTo!] ?? t("form.urgentNoAgency"),
              })}
            </p>
            <label className="mt-2 flex min-h-11 items-center gap-2 text-sm font-medium">
              <input
                type="checkbox"
                className="size-5"
                aria-describedby={f.errorOf("urgentAcknowledged") ? "urgent-ack-error" : undefined}
                {...f.checkbox("urgentAcknowledged")}
              />
              {t("form.urgentAcknowledge")}
            </label>
            {f.errorOf("urgentAcknowledged") ? (
              <p id="urgent-ack-error" className="text-sm font-medium text-red-700">
                {f.errorOf("urgentAcknowledged")}
              </p>
            ) : null}
          </div>
        ) : null}

        <TextAreaField id="evaluation-notes" label={t("form.notes")} rows={3} maxLength={5000} {...f.field("notes")} />

        <SuggestionBox level={suggestion.level} suggestion={suggestion} live />

        <fieldset
          aria-describedby={f.errorOf("overallLevel") ? "evaluation-level-error" : undefined}
          aria-invalid={f.errorOf("overallLevel") ? true : undefined}
        >
          <legend className="mb-2 text-sm font-medium text-slate-900">{t("form.level")}</legend>
          <div className="grid grid-cols-3 gap-2">
            {RISK_LEVELS.map((level) => (
              <label key={level} className={choice}>
                <input type="radio" className="size-4 shrink-0" {...f.radio("overallLevel", level)} />
                <span>{t(`levels.${level}`)}</span>
              </label>
            ))}
          </div>
          {f.errorOf("overallLevel") ? (
            <p id="evaluation-level-error" className="mt-1 text-sm font-medium text-red-700">
              {f.errorOf("overallLevel")}
            </p>
          ) : null}
        </fieldset>

        <TextAreaField
          id="evaluation-rationale"
          label={t("form.rationale")}
          help={t("form.rationaleHelp")}
          rows={5}
          maxLength={5000}
          {...f.field("rationale")}
        />

        <div className="flex flex-col gap-1">
          <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              className="size-5"
              aria-describedby="evaluation-share-help"
              {...f.checkbox("shareSensitiveWithSocialWorker")}
            />
            {t("form.share")}
          </label>
          <p id="evaluation-share-help" className="text-sm text-slate-600">
            {t("form.shareHelp")}
          </p>
        </div>

        <FormStatus result={f.result} saved={t("form.saved")}>
          {conflict ? (
            <Button variant="secondary" className="mt-2" onClick={() => router.refresh()}>
              {t("form.reload")}
            </Button>
          ) : null}
        </FormStatus>

        <div className="sticky bottom-0 -mx-1 flex flex-col gap-2 border-t border-slate-200 bg-white/95 px-1 py-3">
          <p className="text-sm text-slate-700" aria-live="polite" data-testid="missing-count">
            {missing ? t("form.missing", { count: missing }) : t("form.signHelp")}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              type="submit"
              variant="secondary"
              name="intent"
              value="draft"
              disabled={f.pending}
              onClick={submitAs("draft")}
            >
              {t("form.saveDraft")}
            </Button>
            <Button type="submit" name="intent" value="sign" disabled={f.pending} onClick={submitAs("sign")}>
              {t("form.sign")}
            </Button>
          </div>
        </div>
      </ActionForm>

      <ActionForm form={discard} className="mt-6 flex flex-col gap-2">
        {confirmDiscard ? (
          <>
            <p className="text-sm font-medium">{t("form.discardQuestion")}</p>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" variant="danger" disabled={discard.pending}>
                {t("form.discardConfirm")}
              </Button>
              <Button variant="secondary" onClick={() => setConfirmDiscard(false)}>
                {t("form.discardCancel")}
              </Button>
            </div>
          </>
        ) : (
          <div>
            <Button variant="ghost" onClick={() => setConfirmDiscard(true)}>
              {t("form.discard")}
            </Button>
          </div>
        )}
        <FormStatus result={discard.result} />
      </ActionForm>
    </>
  );
}
