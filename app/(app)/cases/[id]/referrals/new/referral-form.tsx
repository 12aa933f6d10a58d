"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { Choice, ChoiceGroup } from "@/components/visits/choice";
import type { SharedSection } from "@/lib/generated/prisma/enums";
import { createReferralAction } from "@/lib/referrals/actions";
import { CONSENT_METHODS, LEGAL_BASES, PROTECTION_NORMS, REFERRAL_URGENCIES } from "@/lib/referrals/labels";
import { ZCreateReferralSchema } from "@/lib/referrals/schema";

type Props = {
  caseId: string;
  agency: { id: string; name: string; offered: SharedSection[]; defaults: SharedSection[]; noSensitive: boolean };
  defaults: {
    urgency: string;
    consentGivenBy: string;
    consentRelationship: string;
    consentDate: string;
  };
  today: string;
  mayConsentAlone: boolean;
};

/**
 * "Derivar" to one agency (chosen on the step before, so its packet is known before any
 * script runs): reason, urgency, legal basis with its details, the sections shared. Before
 * hydration every basis's details are shown; after, only the chosen one's.
 */
export function ReferralForm({ caseId, agency, defaults, today, mayConsentAlone }: Props) {
  const t = useTranslations("referrals");
  const f = useActionForm({
    schema: ZCreateReferralSchema,
    action: createReferralAction,
    defaultValues: {
      reason: "",
      urgency: defaults.urgency,
      legalBasis: "",
      consentGivenBy: defaults.consentGivenBy,
      consentRelationship: defaults.consentRelationship,
      consentDate: defaults.consentDate,
      consentMethod: "",
      legalNorm: "",
      legalBasisNote: "",
      sharedSections: agency.defaults,
    },
    bound: { caseId, agencyId: agency.id },
  });
  const basis = f.form.watch("legalBasis") as string;
  const shows = (b: string) => basis === "" || basis === b;
  const bases = LEGAL_BASES.filter((b) => b !== "ADOLESCENT_CONSENT" || mayConsentAlone);
  const sectionsError = f.errorOf("sharedSections");

  return (
    <ActionForm form={f} className="flex flex-col gap-5">
      <TextAreaField
        id="referral-reason"
        label={t("form.reason")}
        help={t("form.reasonHelp")}
        rows={4}
        maxLength={2000}
        required
        {...f.field("reason")}
      />
      <ChoiceGroup legend={t("form.urgency")} error={f.errorOf("urgency")} errorId="referral-urgency-error">
        {REFERRAL_URGENCIES.map((u) => (
          <Choice key={u} label={t(`urgency.${u}`)} help={t(`urgencyHelp.${u}`)} {...f.radio("urgency", u)} />
        ))}
      </ChoiceGroup>

      <ChoiceGroup legend={t("form.legalBasis")} error={f.errorOf("legalBasis")} errorId="referral-basis-error">
        <p className="text-sm text-slate-600">{t("form.legalBasisHelp")}</p>
        {bases.map((b) => (
          <Choice key={b} label={t(`legalBasis.${b}`)} {...f.radio("legalBasis", b)} />
        ))}
      </ChoiceGroup>

      {shows("GUARDIAN_CONSENT") || shows("ADOLESCENT_CONSENT") ? (
        <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3" data-testid="consent-details">
          <legend className="px-1 text-sm font-semibold text-slate-900">
            {basis === "ADOLESCENT_CONSENT" ? t("form.adolescentTitle") : t("form.guardianTitle")}
          </legend>
          {basis === "ADOLESCENT_CONSENT" ? (
            <p className="text-sm text-slate-600">{t("form.adolescentHelp")}</p>
          ) : (
            <>
              <TextField
                id="consent-by"
                label={t("form.consentGivenBy")}
                maxLength={200}
                {...f.field("consentGivenBy")}
              />
              <TextField
                id="consent-relationship"
                label={t("form.consentRelationship")}
                maxLength={100}
                {...f.field("consentRelationship")}
              />
            </>
          )}
          <TextField
            id="consent-date"
            type="date"
            max={today}
            label={t("form.consentDate")}
            {...f.field("consentDate")}
          />
          <SelectField id="consent-method" label={t("form.consentMethod")} {...f.field("consentMethod")}>
            <option value="">{t("form.consentMethodPlaceholder")}</option>
            {CONSENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`consentMethod.${m}`)}
              </option>
            ))}
          </SelectField>
        </fieldset>
      ) : null}
      {shows("CHILD_PROTECTION_DUTY") ? (
        <fieldset
          className="flex flex-col gap-3 rounded-md border border-slate-200 p-3"
          data-testid="protection-details"
        >
          <legend className="px-1 text-sm font-semibold text-slate-900">{t("form.protectionTitle")}</legend>
          <TextField
            id="legal-norm"
            label={t("form.legalNorm")}
            help={t("form.legalNormHelp")}
            list="protection-norms"
            maxLength={300}
            {...f.field("legalNorm")}
          />
          <datalist id="protection-norms">
            {PROTECTION_NORMS.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </fieldset>
      ) : null}
      <TextAreaField
        id="legal-basis-note"
        label={t("form.legalBasisNote")}
        rows={2}
        maxLength={2000}
        {...f.field("legalBasisNote")}
      />

      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={sectionsError ? "referral-sections-error" : "referral-sections-help"}
      >
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("form.sections")}</legend>
        <p id="referral-sections-help" className="text-sm text-slate-600">
          {t("form.sectionsHelp")}
        </p>
        {agency.noSensitive ? <p className="text-sm text-slate-600">{t("form.sectionsNever")}</p> : null}
        {agency.offered.map((s) => (
          <label
            key={s}
            className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50"
          >
            <input
              type="checkbox"
              className="size-5 shrink-0 accent-teal-700"
              value={s}
              defaultChecked={agency.defaults.includes(s)}
              {...f.form.register("sharedSections")}
            />
            <span className="font-medium text-slate-900">{t(`sections.${s}`)}</span>
          </label>
        ))}
        {sectionsError ? (
          <p id="referral-sections-error" className="text-sm font-medium text-red-700">
            {sectionsError}
          </p>
        ) : null}
      </fieldset>

      <FormStatus result={f.result} />
      <div>
        <Button type="submit" disabled={f.pending} className="w-full sm:w-auto">
          {t("form.submit")}
        </Button>
      </div>
    </ActionForm>
  );
}
