import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PrivacyNote } from "@/components/reports/figure";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { formatTime } from "@/lib/format/date";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { titleFrom } from "@/i18n/page-title";
import { parseListParams, type RawSearchParams } from "@/lib/lists/params";
import { getReports } from "@/lib/reports/load";
import { reportQuery, ZReportFilters, type TReportFilters } from "@/lib/reports/schema";
import type { ReportScope } from "@/lib/reports/scope";
import { FunnelSection } from "./funnel-section";
import { GradeSexSection } from "./grade-sex-section";
import { PrevalenceSection } from "./prevalence-section";
import { ReachabilitySection } from "./reachability-section";
import { ReferralsSection } from "./referrals-section";
import { ReportFilters } from "./report-filters";

export const generateMetadata = titleFrom("reports", "title");

type Props = { searchParams: Promise<RawSearchParams> };

const SECTIONS = ["funnel", "grade-sex", "prevalence", "reachability", "referrals"] as const;
const SECTION_TITLES = {
  funnel: "funnel.title",
  "grade-sex": "gradeSex.title",
  prevalence: "prevalence.title",
  reachability: "reachability.title",
  referrals: "referrals.title",
} as const;

/**
 * Reports for the caller's scope (reports.read: coordinators, directors and the case team).
 * Coordinators read aggregates only: small counts are hidden on the server, before rendering.
 */
export default async function ReportsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "reports.read")) notFound();
  const filters = parseListParams(await searchParams, ZReportFilters);
  const [t, reports] = await Promise.all([
    getTranslations("reports"),
    getReports(user, filters).catch((e: unknown) => {
      if (isAppError(e) && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
  ]);
  const query = reportQuery(filters);
  const exportQuery = can(user.role, "reports.export") ? query : null;
  const { scope } = reports;
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <ReportFilters filters={filters} available={scope.available} />
      <ScopeLine scope={scope} filters={filters} computedAt={reports.computedAt} />
      <nav aria-label={t("sectionsNav")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {SECTIONS.map((id) => (
          <a key={id} href={`#${id}`} className="text-teal-800 underline underline-offset-2">
            {t(SECTION_TITLES[id])}
          </a>
        ))}
      </nav>
      {scope.schools.length === 0 ? <p role="status">{t("scope.noSchools")}</p> : null}
      {reports.funnel ? <FunnelSection funnel={reports.funnel} exportQuery={exportQuery} /> : null}
      {reports.gradeSex ? <GradeSexSection report={reports.gradeSex} exportQuery={exportQuery} /> : null}
      {reports.prevalence ? <PrevalenceSection versions={reports.prevalence} exportQuery={exportQuery} /> : null}
      {reports.reachability ? (
        <ReachabilitySection
          report={reports.reachability}
          exportQuery={exportQuery}
          moreHref={filters.school ? `/reports/reachability?school=${filters.school}` : "/reports/reachability"}
        />
      ) : null}
      {reports.referrals ? <ReferralsSection report={reports.referrals} exportQuery={exportQuery} /> : null}
      <PrivacyNote shown={scope.aggregateOnly} />
    </div>
  );
}

/** What the figures cover, in words: schools, period, grade and sex. */
async function ScopeLine({
  scope,
  filters,
  computedAt,
}: {
  scope: ReportScope;
  filters: TReportFilters;
  computedAt: Date;
}) {
  const [t, format] = await Promise.all([getTranslations("reports"), getFormatter()]);
  const day = (iso: string) =>
    format.dateTime(new Date(`${iso}T12:00:00Z`), {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      timeZone: "UTC",
    });
  const [from, to] =
    filters.from && filters.to && filters.from > filters.to ? [filters.to, filters.from] : [filters.from, filters.to];
  const period =
    from && to
      ? t("scope.period", { from: day(from), to: day(to) })
      : from
        ? t("scope.since", { from: day(from) })
        : to
          ? t("scope.until", { to: day(to) })
          : t("scope.allTime");
  const parts = [
    t("scope.schools", { count: scope.schools.length }),
    period,
    ...(scope.grade !== null ? [t("scope.grade", { grade: scope.grade })] : []),
    ...(scope.sex !== null ? [t(`scope.sex.${scope.sex}`)] : []),
  ];
  return (
    <p className="text-sm text-slate-700" data-testid="report-scope">
      <span className="font-medium">{t("scope.label")}:</span> {parts.join(" · ")}.{" "}
      {t("scope.computedAt", {
        time: formatTime(computedAt),
      })}
    </p>
  );
}
