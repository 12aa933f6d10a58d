import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CardSection } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listAlertRules } from "@/lib/alerts/rule-settings";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { RuleForm } from "./rule-form";

/** The administrator edits each school's alert rules; each rule saves on its own. */
export default async function AdminAlertRulesPage() {
  const user = await requireUser();
  if (!can(user.role, "alertRules.write")) notFound();
  const [t, schools] = await Promise.all([getTranslations("alerts.rules"), listAlertRules(user)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("descriptionAdmin")} />
      {schools.length === 0 ? <p>{t("noSchools")}</p> : null}
      {schools.map((s) => (
        <CardSection key={s.id} id={`rules-${s.id}`} title={t("school", { name: s.name, code: s.codigoModular })}>
          <div className="grid gap-3 lg:grid-cols-2">
            {s.rules.map((r) => (
              <RuleForm key={r.kind} schoolId={s.id} rule={r} />
            ))}
          </div>
        </CardSection>
      ))}
    </div>
  );
}
