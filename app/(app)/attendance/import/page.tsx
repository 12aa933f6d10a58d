import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { ImportWizard } from "@/components/import/import-wizard";
import { SchoolField } from "@/components/import/school-field";
import { TemplateLink } from "@/components/import/template-link";
import { controlClasses } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { findImportSchools } from "@/lib/students/queries";

export const generateMetadata = titleFrom("attendance.import", "title");

export default async function AttendanceImportPage() {
  const user = await requireUser();
  if (!can(user.role, "attendance.import")) notFound();
  const t = await getTranslations("attendance.import");
  const schools = await findImportSchools(user, "attendance.import");
  if (schools.length === 0) notFound();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link prefetch={false} href="/attendance" className="text-sm text-teal-800 underline">
        {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("description")} />
      <TemplateLink href="/plantillas/asistencia.csv" label={t("template")} help={t("templateHelp")} />
      <ImportWizard endpoint="/attendance/import/upload">
        <SchoolField schools={schools} label={t("schoolLabel")} />
        <div className="flex flex-col gap-1">
          <label htmlFor="import-month" className="text-sm font-medium text-slate-800">
            {t("monthLabel")}
          </label>
          <input
            id="import-month"
            name="month"
            type="month"
            aria-describedby="import-month-help"
            className={controlClasses}
          />
          <p id="import-month-help" className="text-sm text-slate-600">
            {t("monthHelp")}
          </p>
        </div>
      </ImportWizard>
    </div>
  );
}
