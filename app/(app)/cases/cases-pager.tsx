import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import type { TCaseListFilters } from "@/lib/cases/schema";
import { caseListHref } from "./case-list-href";

export async function CasesPager({
  filters,
  page,
  pageCount,
}: {
  filters: TCaseListFilters;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("cases.list");
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={caseListHref(filters, page - 1)} className={buttonClasses("secondary")} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">{t("page", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={caseListHref(filters, page + 1)} className={buttonClasses("secondary")} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
