import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { findOpenAlerts } from "@/lib/alerts/queries";
import { ZAlertListFilters } from "@/lib/alerts/schema";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { parseListParams, type RawSearchParams } from "@/lib/lists/params";
import { AlertFiltersForm } from "./alert-filters";
import { InboxList } from "./inbox-list";
import { inboxView } from "./inbox-view";

export const generateMetadata = titleFrom("common.nav", "alerts");

type Props = { searchParams: Promise<RawSearchParams> };

export default async function AlertsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "alerts.read")) notFound();
  const [t, locale, result] = await Promise.all([
    getTranslations("alerts"),
    getLocale(),
    findOpenAlerts(user, parseListParams(await searchParams, ZAlertListFilters)),
  ]);
  const canReview = can(user.role, "alerts.review");
  const canOpenCase = canReview && can(user.role, "cases.create");

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("inbox.title")}
        description={t("inbox.description")}
        actions={
          can(user.role, "alertRules.read") ? (
            <Link prefetch={false} href="/alerts/rules" className={buttonClasses("secondary")}>
              {t("inbox.rulesLink")}
            </Link>
          ) : undefined
        }
      />
      <AlertFiltersForm filters={result.filters} sections={result.sections} />
      <p className="text-sm text-slate-700" role="status" data-testid="alert-count">
        {t("inbox.count", { total: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">{t("inbox.empty")}</p>
      ) : (
        <InboxList
          rows={inboxView(result.rows, t, locale, result.multiSchool)}
          canReview={canReview}
          canOpenCase={canOpenCase}
        />
      )}
      <Pager path="/alerts" filters={result.filters} page={result.page} pageCount={result.pageCount} />
    </div>
  );
}
