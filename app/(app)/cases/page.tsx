import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { findCases } from "@/lib/cases/list";
import { isCaseTeam } from "@/lib/cases/queries";
import { ZCaseListFilters } from "@/lib/cases/schema";
import { listHref, parseListParams, type RawSearchParams } from "@/lib/lists/params";
import { CaseFiltersForm } from "./case-filters";
import { CaseList } from "./case-list";
import { tabClasses } from "@/components/ui/tabs";

export const generateMetadata = titleFrom("common.nav", "cases");

type Props = { searchParams: Promise<RawSearchParams> };

export default async function CasesPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "cases.readSummary") || user.role === "AGENCY_STAFF") notFound();
  const filters = parseListParams(await searchParams, ZCaseListFilters);
  const [t, result] = await Promise.all([getTranslations("cases"), findCases(user, filters)]);
  const showMine = isCaseTeam(user);
  const mine = filters.assignee === "me";

  return (
    <div className="space-y-4">
      <PageHeader title={t("list.title")} description={t("list.description")} />
      {showMine ? (
        <nav aria-label={t("list.views")} className="flex flex-wrap gap-2">
          <Link
            prefetch={false}
            href={listHref("/cases", { ...filters, assignee: undefined })}
            aria-current={!mine ? "page" : undefined}
            className={tabClasses(!mine)}
          >
            {t("list.all")}
          </Link>
          <Link
            prefetch={false}
            href={listHref("/cases", { ...filters, assignee: "me" })}
            aria-current={mine ? "page" : undefined}
            className={tabClasses(mine)}
          >
            {t("list.mine")}
          </Link>
        </nav>
      ) : null}
      <CaseFiltersForm filters={filters} members={result.assignees} showMine={showMine} />
      <p className="text-sm text-slate-700" role="status" data-testid="case-count">
        {t("list.count", { total: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">{t("list.empty")}</p>
      ) : (
        <CaseList rows={result.rows} showSchool={user.schoolIds.length > 1} />
      )}
      <Pager path="/cases" filters={filters} page={result.page} pageCount={result.pageCount} />
    </div>
  );
}
