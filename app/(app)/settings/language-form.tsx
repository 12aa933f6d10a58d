"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ZUpdateLocaleSchema } from "@/lib/users/schema";
import { LOCALES, type AppLocale } from "@/messages/locales";
import { updateLocaleAction } from "./actions";

/** The interface language; saving reloads the app in it (the action redirects). */
export function LanguageForm({ locale }: { locale: AppLocale }) {
  const t = useTranslations("common.settings");
  const f = useActionForm({ schema: ZUpdateLocaleSchema, action: updateLocaleAction, defaultValues: { locale } });
  return (
    <ActionForm form={f} className="flex flex-col gap-4">
      <fieldset aria-describedby="language-help">
        <legend className="sr-only">{t("language")}</legend>
        <div className="flex flex-col gap-2">
          {LOCALES.map((option) => (
            <label
              key={option}
              className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-slate-300 px-3 has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50"
            >
              <input type="radio" className="h-5 w-5 accent-teal-700" {...f.radio("locale", option)} />
              <span lang={option === "en" ? "en" : "es-PE"}>{t(`languages.${option}`)}</span>
            </label>
          ))}
        </div>
        <p id="language-help" className="mt-2 text-sm text-slate-600">
          {t("languageHelp")}
        </p>
      </fieldset>
      <FormStatus result={f.result} />
      <div>
        <Button type="submit" disabled={f.pending}>
          {t("save")}
        </Button>
      </div>
    </ActionForm>
  );
}
