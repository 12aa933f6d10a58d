import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { listAlertRules } from "@/lib/alerts/rule-settings";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { RulesTable } from "./rules-table";

export const generateMetadata = titleFrom("alerts.rules", "title");

/** Read-only view of the school's alert rules (directors); the administrator edits them elsewhere. */
export default async function AlertRulesPage() {
  const user = await requireUser();
  if (!can(user.role, "alertRules.read")) notFound();
  if (can(user.role, "alertRules.write")) redirect("/admin/alert-rules");
  const [t, schools] = await Promise.all([getTranslations("alerts.rules"), listAlertRules(user)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("descriptionReadOnly")} />
      {schools.length === 0 ? <p>{t("noSchools")}</p> : schools.map((s) => <RulesTable key={s.id} school={s} />)}
    </div>
  );
}
