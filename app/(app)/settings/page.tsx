import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { roleLabel } from "@/components/nav/role-label";
import { CardSection } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { LanguageForm } from "./language-form";
import { PasswordForm } from "./password-form";

export const generateMetadata = titleFrom("common.nav", "settings");

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const [user, params, t, tc, tp] = await Promise.all([
    requireUser(),
    searchParams,
    getTranslations("common.settings"),
    getTranslations("common"),
    getTranslations("users.password"),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex max-w-xl flex-col gap-4">
        {params.saved ? <Notice tone="success">{t("saved")}</Notice> : null}

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
          <LanguageForm locale={user.locale} />
        </CardSection>

        <CardSection id="settings-password" title={tp("title")}>
          <PasswordForm />
        </CardSection>
      </div>
    </>
  );
}
