import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ReportChart } from "@/components/reports/bar-chart";
import { getFigureText } from "@/components/reports/figure";
import { FigureRows } from "@/components/reports/figure-rows";
import { CardSection } from "@/components/ui/card";
import type { RiskDomain } from "@/lib/generated/prisma/enums";
import type { Prevalence } from "@/lib/risk/prevalence";
import { DownloadLink, ReportTable } from "./table-parts";

const DOMAINS: RiskDomain[] = ["HISTORICAL", "SOCIAL", "INDIVIDUAL", "PROTECTIVE"];

/** Risk-factor prevalence (present ÷ answered, with n), one table per version of the form. */
export async function PrevalenceSection({
  versions,
  exportQuery,
}: {
  versions: Prevalence[];
  exportQuery: string | null;
}) {
  const [t, format, locale, text] = await Promise.all([
    getTranslations("reports"),
    getFormatter(),
    getLocale(),
    getFigureText(),
  ]);
  const labelOf = (r: { labelEs: string; labelEn: string }) => (locale === "en" ? r.labelEn : r.labelEs);
  return (
    <CardSection id="prevalence" title={t("prevalence.title")}>
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">{t("prevalence.help")}</p>
        {versions.length === 0 ? <p>{t("prevalence.none")}</p> : null}
        {versions.map((v) => {
          const risk = v.rows.filter((r) => r.domain !== "PROTECTIVE");
          return (
            <div key={v.instrumentVersion} className="flex flex-col gap-3" data-version={v.instrumentVersion}>
              <h3 className="text-sm font-semibold text-slate-900">
                {t("prevalence.version", { version: v.instrumentVersion })}
              </h3>
              <p className="text-sm text-slate-700">
                {t("prevalence.evaluated", {
                  count:
                    v.evaluatedStudents === "suppressed"
                      ? "< 5"
                      : v.evaluatedStudents === "withheld"
                        ? "*"
                        : format.number(v.evaluatedStudents),
                })}
              </p>
              <ReportChart
                testId={`chart-prevalence-${v.instrumentVersion}`}
                caption={t("chartNote", { what: t("prevalence.chart") })}
                horizontal
                axisUnit=" %"
                categories={risk.map(labelOf)}
                series={[
                  {
                    name: t("prevalence.pct"),
                    color: "#b45309",
                    values: risk.map((r) => r.percent ?? 0),
                    labels: risk.map((r) => (r.percent === null ? "*" : `${format.number(r.percent)} %`)),
                  },
                ]}
              />
              {DOMAINS.map((domain) => {
                const rows = v.rows.filter((r) => r.domain === domain);
                if (rows.length === 0) return null;
                return (
                  <ReportTable
                    key={domain}
                    caption={t(`prevalence.domains.${domain}`)}
                    testId={`prevalence-${v.instrumentVersion}-${domain}`}
                  >
                    <thead>
                      <tr className="border-b border-slate-200">
                        <th scope="col">{t("prevalence.item")}</th>
                        <th scope="col" className="num">
                          {t("prevalence.present")}
                        </th>
                        <th scope="col" className="num">
                          {t("prevalence.answered")}
                        </th>
                        <th scope="col" className="num">
                          {t("prevalence.pct")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <FigureRows
                        words={text.words}
                        headClass="min-w-48 whitespace-normal"
                        rows={rows.map((r) => ({
                          key: r.code,
                          head: labelOf(r),
                          data: { "data-item": r.code },
                          cells: [text.figure(r.present), text.figure(r.answered), text.percent(r.percent)],
                        }))}
                      />
                    </tbody>
                  </ReportTable>
                );
              })}
            </div>
          );
        })}
        {exportQuery !== null && versions.length > 0 ? (
          <DownloadLink report="prevalence" title={t("prevalence.title")} query={exportQuery} />
        ) : null}
      </div>
    </CardSection>
  );
}
