import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { parseListParams, type RawSearchParams } from "@/lib/lists/params";
import { ZStudentListFilters } from "@/lib/students/list-filters";
import { findStudents } from "@/lib/students/queries";
import { StudentFiltersForm } from "./student-filters";
import { StudentsTable } from "./students-table";

export const generateMetadata = titleFrom("common.nav", "students");

type Props = { searchParams: Promise<RawSearchParams> };

export default async function StudentsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "students.read")) notFound();
  const t = await getTranslations("students");
  const filters = parseListParams(await searchParams, ZStudentListFilters);
  const result = await findStudents(user, filters);
  const multiSchool = user.schoolIds.length > 1;

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {can(user.role, "students.write") && (
              <Link prefetch={false} href="/students/new" className={buttonClasses("primary")}>
                {t("new")}
              </Link>
            )}
            {can(user.role, "students.import") && (
              <Link prefetch={false} href="/students/import" className={buttonClasses("secondary")}>
                {t("import")}
              </Link>
            )}
          </>
        }
      />
      <StudentFiltersForm filters={filters} sections={result.sections} />
      <p className="text-sm text-slate-700" role="status" data-testid="student-count">
        {t("resultCount", { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">{t("empty")}</p>
      ) : (
        <StudentsTable rows={result.rows} showSchool={multiSchool} />
      )}
      <Pager path="/students" filters={filters} page={result.page} pageCount={result.pageCount} />
    </div>
  );
}
