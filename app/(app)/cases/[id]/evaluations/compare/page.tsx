import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { getRequestOrigin } from "@/lib/auth/origin";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { formatDateTime } from "@/lib/format/date";
import type { Change } from "@/lib/risk/compare";
import { getEvaluationSeries } from "@/lib/risk/series";

export const generateMetadata = titleFrom("risk.compare", "title");

type Props = { params: Promise<{ id: string }> };

const CHANGE_TONE: Record<Change, string> = {
  APPEARED: "bg-red-100 text-red-900",
  DISAPPEARED: "bg-green-100 text-green-900",
  NOW_KNOWN: "bg-sky-100 text-sky-900",
  NOW_UNKNOWN: "bg-amber-100 text-amber-900",
  NEW_ITEM: "bg-slate-200 text-slate-800",
};

/** The case's evaluations side by side, item by item, each cell with its change since the previous one. */
export default async function CompareEvaluationsPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  let series;
  try {
    series = await getEvaluationSeries(user, id, await getRequestOrigin());
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  const [t, locale] = await Promise.all([getTranslations("risk"), getLocale()]);
  const { columns, rows, counts } = series;
  // A protective factor appearing is good news and one disappearing bad: the tones swap.
  const toneOf = (change: Change, protective: boolean) =>
    CHANGE_TONE[
      protective && change === "APPEARED" ? "DISAPPEARED" : protective && change === "DISAPPEARED" ? "APPEARED" : change
    ];
  const changeLabel = (change: Change, protective: boolean) =>
    protective && (change === "APPEARED" || change === "DISAPPEARED")
      ? t(`compare.protectiveChanges.${change}`)
      : t(`compare.changes.${change}`);
  return (
    <div className="space-y-4">
      <Link
        prefetch={false}
        href={`/cases/${id}/evaluations`}
        className="text-sm text-teal-800 underline underline-offset-2"
      >
        {t("view.back")}
      </Link>
      <PageHeader title={t("compare.title")} description={t("compare.description")} />
      {columns.length < 2 ? <p className="text-sm text-slate-700">{t("compare.needTwo")}</p> : null}
      <div
        role="region"
        aria-label={t("compare.tableLabel")}
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
      >
        <table
          className="min-w-full border-collapse text-sm"
          aria-label={t("compare.tableLabel")}
          data-testid="compare"
        >
          <thead>
            <tr className="bg-slate-50 align-bottom">
              <th scope="col" className="sticky left-0 bg-slate-50 p-2 text-left font-semibold">
                {t("compare.item")}
              </th>
              {columns.map((c, i) => (
                <th key={c.id} scope="col" className="min-w-32 p-2 text-left font-semibold">
                  <Link
                    prefetch={false}
                    href={`/cases/${id}/evaluations/${c.id}`}
                    className="text-teal-800 underline underline-offset-2"
                  >
                    {t("compare.column", { date: formatDateTime(c.evaluatedAt), version: c.instrumentVersion })}
                  </Link>
                  <span className="block font-normal">
                    {c.overallLevel ? t("levelWithPrefix", { level: c.overallLevel }) : null}
                  </span>
                  {i > 0 ? (
                    <span className="block text-xs font-normal text-slate-600" data-testid="compare-summary">
                      {t("compare.summary", {
                        appeared: counts[i].APPEARED,
                        resolved: counts[i].DISAPPEARED,
                        known: counts[i].NOW_KNOWN,
                      })}
                    </span>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ item, cells }) => (
              <tr key={item.code} className="border-t border-slate-100 align-top" data-item={item.code}>
                <th scope="row" className="sticky left-0 bg-white p-2 text-left font-normal">
                  <span className="block text-xs text-slate-500">{t(`domains.${item.domain}`)}</span>
                  {locale === "en" ? item.labelEn : item.labelEs}
                </th>
                {cells.map((cell, i) => (
                  <td key={columns[i].id} className="p-2" data-value={cell.value} data-change={cell.change ?? ""}>
                    <span className="block">
                      {cell.value === "HIDDEN" || cell.value === "NOT_ASKED"
                        ? t(`cells.${cell.value}`)
                        : t(`answers.${cell.value}`)}
                    </span>
                    {cell.change ? (
                      <span
                        className={`mt-1 inline-block rounded px-1.5 py-0.5 text-xs font-medium ${toneOf(cell.change, item.domain === "PROTECTIVE")}`}
                      >
                        {changeLabel(cell.change, item.domain === "PROTECTIVE")}
                      </span>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
