import { getFormatter, getTranslations } from "next-intl/server";
import { ReportChart } from "@/components/reports/bar-chart";
import { getFigureText } from "@/components/reports/figure";
import { FigureRows } from "@/components/reports/figure-rows";
import { CardSection } from "@/components/ui/card";
import type { GradeSexReport, GradeSexRow, SexColumn } from "@/lib/reports/grade-sex";
import { DownloadLink, ReportTable } from "./table-parts";

const COLORS = { F: "#7c3aed", M: "#0f766e" } as const;
/** The three figures under each sex, in the order of their cells (data-measure). */
const MEASURES = ["followed", "alerted", "rate"] as const;

/** Followed and alerted by grade × sex, with the share alerted: the pilot's finding at a glance. */
export async function GradeSexSection({ report, exportQuery }: { report: GradeSexReport; exportQuery: string | null }) {
  const [t, format, text] = await Promise.all([getTranslations("reports"), getFormatter(), getFigureText()]);
  const columns: SexColumn[] = [...report.sexes, "T"];
  const label = (c: SexColumn) => (c === "T" ? t("total") : t(`sex.${c}`));
  const gradeLabel = (row: GradeSexRow) => (row.grade === "T" ? t("total") : t("gradeValue", { grade: row.grade }));
  return (
    <CardSection id="grade-sex" title={t("gradeSex.title")}>
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">{t("gradeSex.help")}</p>
        <ReportChart
          testId="chart-grade-sex"
          caption={t("chartNote", { what: t("gradeSex.chart") })}
          horizontal={false}
          axisUnit=" %"
          categories={report.rows.map(gradeLabel)}
          series={report.sexes.map((x) => ({
            name: t(`sex.${x}`),
            color: COLORS[x],
            values: report.rows.map((r) => r.cells[x].rate ?? 0),
            labels: report.rows.map((r) => {
              const rate = r.cells[x].rate;
              return rate === null ? "*" : `${format.number(rate)} %`;
            }),
          }))}
        />
        <ReportTable caption={t("gradeSex.title")} testId="grade-sex-table">
          <thead>
            <tr className="border-b border-slate-100">
              <td />
              {columns.map((c) => (
                <th key={c} scope="colgroup" colSpan={3} className="py-1 pr-3 text-center font-semibold">
                  {label(c)}
                </th>
              ))}
            </tr>
            <tr className="border-b border-slate-200">
              <th scope="col">{t("gradeSex.grade")}</th>
              {columns.map((c) => (
                <HeaderTriple key={c} labels={[t("gradeSex.followed"), t("gradeSex.alerted"), t("gradeSex.rate")]} />
              ))}
            </tr>
          </thead>
          <tbody>
            <FigureRows
              words={text.words}
              columns={columns.flatMap((sex) =>
                MEASURES.map((measure) => ({ "data-sex": sex, "data-measure": measure })),
              )}
              rows={[...report.rows, report.total].map((row) => ({
                key: String(row.grade),
                head: gradeLabel(row),
                data: { "data-grade": row.grade },
                cells: columns.flatMap((c) => {
                  const cell = row.cells[c];
                  return [text.figure(cell.followed), text.figure(cell.alerted), text.percent(cell.rate)];
                }),
              }))}
            />
          </tbody>
        </ReportTable>
        {exportQuery !== null ? (
          <DownloadLink report="grade-sex" title={t("gradeSex.title")} query={exportQuery} />
        ) : null}
      </div>
    </CardSection>
  );
}

function HeaderTriple({ labels }: { labels: string[] }) {
  return (
    <>
      {labels.map((l) => (
        <th key={l} scope="col" className="num">
          {l}
        </th>
      ))}
    </>
  );
}
