import { getFormatter, getTranslations } from "next-intl/server";
import { ReportChart } from "@/components/reports/bar-chart";
import { getFigureText } from "@/components/reports/figure";
import { FigureRows } from "@/components/reports/figure-rows";
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
            <FigureRows
              words={text.words}
              rows={steps.map((s) => ({
                key: s.step,
                head: t(`funnel.steps.${s.step}`),
                data: { "data-step": s.step },
                cells: [text.figure(s.count), text.percent(s.pctOfPrevious)],
              }))}
            />
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
              <FigureRows
                words={text.words}
                rows={[
                  ...funnel.schools.map((x) => ({ key: x.school.id, head: x.school.name, column: x.column })),
                  { key: "total", head: t("total"), column: funnel.total },
                ].map(({ column, ...row }) => ({ ...row, cells: column.steps.map((s) => text.figure(s.count)) }))}
              />
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
              <FigureRows
                words={text.words}
                rows={[
                  ...CASE_OUTCOMES.map((o) => ({
                    key: o,
                    head: t(`funnel.outcomes.${o}`),
                    cells: [text.figure(funnel.total.outcomes[o])],
                  })),
                  {
                    key: "closed",
                    head: t("funnel.closed"),
                    cells: [text.figure(funnel.total.closed)],
                    strong: true,
                    last: true,
                  },
                ]}
              />
            </tbody>
          </ReportTable>
          <p className="text-sm text-slate-600">{t("funnel.closedHelp")}</p>
        </div>
        {exportQuery !== null ? <DownloadLink report="funnel" title={t("funnel.title")} query={exportQuery} /> : null}
      </div>
    </CardSection>
  );
}
