import { getTranslations } from "next-intl/server";
import { roleLabel } from "@/components/nav/role-label";
import { Button } from "@/components/ui/button";
import { CardSection } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { LOCALES } from "@/messages";
import { updateLocale } from "./actions";

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string; error?: string }>;
}) {
  const [user, params, t, tc] = await Promise.all([
    requireUser(),
    searchParams,
    getTranslations("common.settings"),
    getTranslations("common"),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex max-w-xl flex-col gap-4">
        {params.saved ? <Notice tone="success">{t("saved")}</Notice> : null}
        {params.error ? <Notice tone="error">{t("invalidLocale")}</Notice> : null}

        <CardSection id="settings-profile" title={t("profile")}>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="font-medium text-slate-600">{t("name")}</dt>
            <dd className="break-words">{user.name}</dd>
            <dt className="font-medium text-slate-600">{t("email")}</dt>
            <dd className="break-all">{user.email}</dd>
            <dt className="font-medium text-slate-600">{t("role")}</dt>
            <dd>{roleLabel(tc, user)}</dd>
          </dl>
        </CardSection>

        <CardSection id="settings-language" title={t("language")}>
          <form action={updateLocale} className="flex flex-col gap-4">
            <fieldset aria-describedby="language-help">
              <legend className="sr-only">{t("language")}</legend>
              <div className="flex flex-col gap-2">
                {LOCALES.map((locale) => (
                  <label
                    key={locale}
                    className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-slate-300 px-3 has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50"
                  >
                    <input
                      type="radio"
                      name="locale"
                      value={locale}
                      defaultChecked={user.locale === locale}
                      className="h-5 w-5 accent-teal-700"
                    />
                    <span lang={locale === "en" ? "en" : "es-PE"}>{t(`languages.${locale}`)}</span>
                  </label>
                ))}
              </div>
              <p id="language-help" className="mt-2 text-sm text-slate-600">
                {t("languageHelp")}
              </p>
            </fieldset>
            <div>
              <Button type="submit">{t("save")}</Button>
            </div>
          </form>
        </CardSection>
      </div>
    </>
  );
}
