import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import type { StudentFilters } from "@/lib/students/queries";

function pageHref(filters: StudentFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.grade) params.set("grade", String(filters.grade));
  if (filters.section) params.set("section", filters.section);
  if (filters.status) params.set("status", filters.status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/students?${query}` : "/students";
}

export async function StudentsPager({
  filters,
  page,
  pageCount,
}: {
  filters: StudentFilters;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1 && page <= 1) return null;
  const t = await getTranslations("students.pager");
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={pageHref(filters, Math.min(page - 1, pageCount))} className={buttonClasses("secondary")} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">{t("page", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link href={pageHref(filters, page + 1)} className={buttonClasses("secondary")} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
