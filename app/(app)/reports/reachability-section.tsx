import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReportChart } from "@/components/reports/bar-chart";
import { CardSection } from "@/components/ui/card";
import type { ReachabilityReport } from "@/lib/reports/load";
import { UNREACHED_REASONS } from "@/lib/visits/reachability";
import { bar } from "./chart-labels";
import { GradeSexTable, ReasonsTable, SchoolTable } from "./reach-tables";
import { DownloadLink } from "./table-parts";

/** Reachability, as on /reports/reachability, for the page's filters. */
export async function ReachabilitySection({
  report,
  exportQuery,
  moreHref,
}: {
  report: ReachabilityReport;
  exportQuery: string | null;
  moreHref: string;
}) {
  const [t, tv, format] = await Promise.all([
    getTranslations("reports"),
    getTranslations("visits.reachability"),
    getFormatter(),
  ]);
  const { total } = report;
  const withBar = (name: string, value: Parameters<typeof bar>[0]) => ({
    name,
    ...bar(value, (n) => format.number(n)),
  });
  const rows = [
    withBar(tv("reached"), total.reached),
    ...UNREACHED_REASONS.map((r) => withBar(tv(`reasons.${r}`), total.reasons?.[r] ?? "withheld")),
  ];
  return (
    <CardSection id="reachability" title={t("reachability.title")}>
      <div className="flex flex-col gap-4">
        <ReportChart
          testId="chart-reachability"
          caption={t("chartNote", { what: t("reachability.chart") })}
          horizontal
          categories={rows.map((r) => r.name)}
          series={[
            {
              name: tv("alerted"),
              color: "#0369a1",
              values: rows.map((r) => r.value),
              labels: rows.map((r) => r.label),
            },
          ]}
        />
        {report.schools.length > 1 ? <SchoolTable report={report} /> : null}
        <GradeSexTable report={report} />
        <ReasonsTable report={report} />
        <div className="flex flex-wrap items-center gap-3">
          {exportQuery !== null ? (
            <DownloadLink report="reachability" title={t("reachability.title")} query={exportQuery} />
          ) : null}
          <Link prefetch={false} href={moreHref} className="text-sm text-teal-800 underline underline-offset-2">
            {t("reachability.more")}
          </Link>
        </div>
      </div>
    </CardSection>
  );
}
