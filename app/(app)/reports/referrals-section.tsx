import { getFormatter, getTranslations } from "next-intl/server";
import { ReportChart } from "@/components/reports/bar-chart";
import { getFigureText } from "@/components/reports/figure";
import { FigureRows } from "@/components/reports/figure-rows";
import { CardSection } from "@/components/ui/card";
import type { AgencyTimes, ReferralTimesReport } from "@/lib/reports/referral-times";
import { DownloadLink, ReportTable } from "./table-parts";

/** Referral response times per agency: median and 90th percentile to acceptance and to closure. */
export async function ReferralsSection({
  report,
  exportQuery,
}: {
  report: ReferralTimesReport;
  exportQuery: string | null;
}) {
  const [t, format, text] = await Promise.all([getTranslations("reports"), getFormatter(), getFigureText()]);
  const time = (value: number | null, unit: "hours" | "days") =>
    value === null ? "—" : t(`referrals.${unit}`, { value: format.number(value, { maximumFractionDigits: 1 }) });
  const rows = [
    ...report.agencies.map((a) => ({ key: a.id, name: a.name, times: a.times })),
    { key: "total", name: t("total"), times: report.total },
  ];
  const counts: (keyof Pick<AgencyTimes, "sent" | "accepted" | "rejected" | "closed" | "overdue">)[] = [
    "sent",
    "accepted",
    "rejected",
    "closed",
    "overdue",
  ];
  return (
    <CardSection id="referrals" title={t("referrals.title")}>
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">{t("referrals.help")}</p>
        {report.agencies.length === 0 ? (
          <p>{t("referrals.none")}</p>
        ) : (
          <>
            <ReportChart
              testId="chart-referrals"
              caption={t("chartNote", { what: t("referrals.chart") })}
              horizontal
              axisUnit=" h"
              categories={report.agencies.map((a) => a.name)}
              series={[
                {
                  name: t("referrals.acceptMedian"),
                  color: "#1d4ed8",
                  values: report.agencies.map((a) => a.times.toAcceptHours.median ?? 0),
                  labels: report.agencies.map((a) => time(a.times.toAcceptHours.median, "hours")),
                },
              ]}
            />
            <ReportTable caption={t("referrals.title")} testId="referrals-table">
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col">{t("referrals.agency")}</th>
                  {counts.map((c) => (
                    <th key={c} scope="col" className="num">
                      {t(`referrals.${c}`)}
                    </th>
                  ))}
                  {(["acceptMedian", "acceptP90", "closeMedian", "closeP90"] as const).map((c) => (
                    <th key={c} scope="col" className="num">
                      {t(`referrals.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <FigureRows
                  words={text.words}
                  rows={rows.map(({ key, name, times }) => ({
                    key,
                    head: name,
                    cells: [
                      ...counts.map((c) => text.figure(times[c])),
                      ...[
                        time(times.toAcceptHours.median, "hours"),
                        time(times.toAcceptHours.p90, "hours"),
                        time(times.toCloseDays.median, "days"),
                        time(times.toCloseDays.p90, "days"),
                      ].map((printed) => [null, printed] as const),
                    ],
                  }))}
                />
              </tbody>
            </ReportTable>
            {exportQuery !== null ? (
              <DownloadLink report="referrals" title={t("referrals.title")} query={exportQuery} />
            ) : null}
          </>
        )}
      </div>
    </CardSection>
  );
}
