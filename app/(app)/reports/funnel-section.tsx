import { getFormatter, getTranslations } from "next-intl/server";
import { ReportChart } from "@/components/reports/bar-chart";
import { FigureCell, PercentCell, getFigureText } from "@/components/reports/figure";
import { CardSection } from "@/components/ui/card";
import { CASE_OUTCOMES } from "@/lib/reports/cohort-sql";
import type { FunnelReport } from "@/lib/reports/funnel";
import { bar } from "./chart-labels";
import { DownloadLink, ReportTable } from "./table-parts";

/** The pilot funnel: each step with its % of the step before, by school, and closed cases by outcome. */
export async function FunnelSection({ funnel, exportQuery }: { funnel: FunnelReport; exportQuery: string | null }) {
  const [t, format, text] = await Promise.all([getTranslations("reports"), getFormatter(), getFigureText()]);
  const steps = funnel.total.steps;
  const bars = steps.map((s) => bar(s.count, (n) => format.number(n)));
  return (
    <CardSection id="funnel" title={t("funnel.title")}>
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">{t("funnel.help")}</p>
        <ReportChart
          testId="chart-funnel"
          caption={t("chartNote", { what: t("funnel.chart") })}
          horizontal
          categories={steps.map((s) => t(`funnel.steps.${s.step}`))}
          series={[
            {
              name: t("funnel.count"),
              color: "#0f766e",
              values: bars.map((b) => b.value),
              labels: bars.map((b) => b.label),
            },
          ]}
        />
        <ReportTable caption={t("funnel.title")} testId="funnel-table">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col">{t("funnel.step")}</th>
              <th scope="col" className="num">
                {t("funnel.count")}
              </th>
              <th scope="col" className="num">
                {t("funnel.pct")}
              </th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr key={s.step} className="border-b border-slate-100" data-step={s.step}>
                <th scope="row">{t(`funnel.steps.${s.step}`)}</th>
                <FigureCell text={text} value={s.count} />
                <PercentCell text={text} value={s.pctOfPrevious} />
              </tr>
            ))}
          </tbody>
        </ReportTable>
        {funnel.schools.length > 0 ? (
          <ReportTable caption={t("funnel.bySchool")} testId="funnel-by-school">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col">{t("funnel.school")}</th>
                {steps.map((s) => (
                  <th key={s.step} scope="col" className="num">
                    {t(`funnel.steps.${s.step}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[
                ...funnel.schools.map((x) => ({ key: x.school.id, name: x.school.name, column: x.column })),
                { key: "total", name: t("total"), column: funnel.total },
              ].map((row) => (
                <tr key={row.key} className="border-b border-slate-100">
                  <th scope="row">{row.name}</th>
                  {row.column.steps.map((s) => (
                    <FigureCell text={text} key={s.step} value={s.count} />
                  ))}
                </tr>
              ))}
            </tbody>
          </ReportTable>
        ) : null}
        <div className="space-y-1">
          <ReportTable caption={t("funnel.closedTitle")} testId="funnel-closed">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col">{t("funnel.outcome")}</th>
                <th scope="col" className="num">
                  {t("funnel.count")}
                </th>
              </tr>
            </thead>
            <tbody>
              {CASE_OUTCOMES.map((o) => (
                <tr key={o} className="border-b border-slate-100">
                  <th scope="row">{t(`funnel.outcomes.${o}`)}</th>
                  <FigureCell text={text} value={funnel.total.outcomes[o]} />
                </tr>
              ))}
              <tr>
                <th scope="row">{t("funnel.closed")}</th>
                <FigureCell text={text} className="font-semibold" value={funnel.total.closed} />
              </tr>
            </tbody>
          </ReportTable>
          <p className="text-sm text-slate-600">{t("funnel.closedHelp")}</p>
        </div>
        {exportQuery !== null ? <DownloadLink report="funnel" title={t("funnel.title")} query={exportQuery} /> : null}
      </div>
    </CardSection>
  );
}
