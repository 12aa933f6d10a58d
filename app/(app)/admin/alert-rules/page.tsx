import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { listAlertRules } from "@/lib/alerts/rule-settings";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { RulesForm } from "./rules-form";

export const generateMetadata = titleFrom("alerts.rules", "title");

/** The administrator edits every school's alert rules in one table, saved at once. */
export default async function AdminAlertRulesPage() {
  const user = await requireUser();
  if (!can(user.role, "alertRules.write")) notFound();
  const [t, schools] = await Promise.all([getTranslations("alerts.rules"), listAlertRules(user)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("descriptionAdmin")} />
      <h2 id="rules-title" className="sr-only">
        {t("title")}
      </h2>
      {schools.length === 0 ? <p>{t("noSchools")}</p> : <RulesForm schools={schools} />}
    </div>
  );
}
