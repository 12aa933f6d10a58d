import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { STUDENT_STATUSES } from "@/lib/students/record-schema";
import { findStudents, findStudentSections, type StudentFilters } from "@/lib/students/queries";
import { StudentFiltersForm } from "./student-filters";
import { StudentsPager } from "./students-pager";
import { StudentsTable } from "./students-table";

type Search = { q?: string; grade?: string; section?: string; status?: string; page?: string };
type Props = { searchParams: Promise<Search> };

/** GET parameters → filters; anything unexpected is ignored rather than refused. */
function toFilters(p: Search): StudentFilters {
  const grade = Number(p.grade);
  const page = Number(p.page);
  const status = STUDENT_STATUSES.find((s) => s === p.status);
  return {
    q: p.q?.slice(0, 100) || undefined,
    grade: Number.isInteger(grade) && grade >= 1 && grade <= 6 ? grade : undefined,
    section: p.section?.slice(0, 10) || undefined,
    status,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export default async function StudentsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "students.read")) notFound();
  const t = await getTranslations("students");
  const filters = toFilters(await searchParams);
  const [result, sections] = await Promise.all([findStudents(user, filters), findStudentSections(user)]);
  const multiSchool = user.schoolIds.length > 1;

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {can(user.role, "students.write") && (
              <Link href="/students/new" className={buttonClasses("primary")}>
                {t("new")}
              </Link>
            )}
            {can(user.role, "students.import") && (
              <Link href="/students/import" className={buttonClasses("secondary")}>
                {t("import")}
              </Link>
            )}
          </>
        }
      />
      <StudentFiltersForm filters={filters} sections={sections} />
      <p className="text-sm text-slate-700" role="status" data-testid="student-count">
        {t("resultCount", { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">{t("empty")}</p>
      ) : (
        <StudentsTable rows={result.rows} showSchool={multiSchool} />
      )}
      <StudentsPager filters={filters} page={result.page} pageCount={result.pageCount} />
    </div>
  );
}
