import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { SchoolField } from "@/components/import/school-field";
import { ImportWizard } from "@/components/import/import-wizard";
import { TemplateLink } from "@/components/import/template-link";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { findImportSchools } from "@/lib/students/queries";

export const generateMetadata = titleFrom("students.importPage", "title");

export default async function RosterImportPage() {
  const user = await requireUser();
  if (!can(user.role, "students.import")) notFound();
  const t = await getTranslations("students.importPage");
  const schools = await findImportSchools(user);
  if (schools.length === 0) notFound();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link prefetch={false} href="/students" className="text-sm text-teal-800 underline">
        {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("description")} />
      <p className="text-sm text-slate-700">{t("columns")}</p>
      <TemplateLink href="/plantillas/padron.csv" label={t("template")} help={t("templateHelp")} />
      <ImportWizard endpoint="/students/import/upload">
        <SchoolField schools={schools} label={t("school")} />
      </ImportWizard>
    </div>
  );
}
