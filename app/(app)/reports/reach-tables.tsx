import { getTranslations } from "next-intl/server";
import { getFigureText, type FigureText } from "@/components/reports/figure";
import { FigureRows } from "@/components/reports/figure-rows";
import type { ReachCell } from "@/lib/reports/grade-sex";
import type { ReachabilityReport } from "@/lib/reports/load";
import type { Count } from "@/lib/reports/table-model";
import { UNREACHED_REASONS } from "@/lib/visits/reachability";
import { ReportTable } from "./table-parts";

// The reachability tables (on /reports and /reports/reachability). Plain server-rendered
// tables that scroll sideways on a phone; every header cell names its row or column.

type Triple = { alerted: Count; reached: Count; reachedPct: number | null };

/** Alerted, reached and the share reached, as FigureRows cells. */
const triple = (cell: Triple, text: FigureText) => [
  text.figure(cell.alerted),
  text.figure(cell.reached),
  text.percent(cell.reachedPct),
];

export async function SchoolTable({ report }: { report: ReachabilityReport }) {
  const [t, text] = await Promise.all([getTranslations("visits.reachability"), getFigureText()]);
  return (
    <ReportTable caption={t("bySchool")} testId="reach-by-school">
      <thead>
        <tr className="border-b border-slate-200">
          <th scope="col">{t("school")}</th>
          <HeaderTriple t={t} />
        </tr>
      </thead>
      <tbody>
        <FigureRows
          words={text.words}
          rows={[
            ...report.schools.map((s) => ({ key: s.school.id, head: s.school.name, cells: triple(s, text) })),
            { key: "total", head: t("total"), cells: triple(report.total, text), last: true },
          ]}
        />
      </tbody>
    </ReportTable>
  );
}

export async function GradeSexTable({ report }: { report: ReachabilityReport }) {
  const [t, text] = await Promise.all([getTranslations("visits.reachability"), getFigureText()]);
  const cellOf = (grade: number, sex: "F" | "M") =>
    report.byGradeSex.find((g) => g.grade === grade && g.sex === sex)!.cell;
  const groups = [
    ...report.bySex.map((s) => ({ key: s.sex, label: t(`sex.${s.sex}`) })),
    { key: "T", label: t("total") },
  ];
  return (
    <ReportTable caption={t("byGradeSex")} testId="reach-by-grade-sex">
      <thead>
        <tr className="border-b border-slate-100">
          <td />
          {groups.map((g) => (
            <th key={g.key} scope="colgroup" colSpan={3} className="py-1 pr-3 text-center font-semibold">
              {g.label}
            </th>
          ))}
        </tr>
        <tr className="border-b border-slate-200">
          <th scope="col">{t("grade")}</th>
          {groups.map((g) => (
            <HeaderTriple key={g.key} t={t} />
          ))}
        </tr>
      </thead>
      <tbody>
        <FigureRows
          words={text.words}
          rows={[
            ...report.byGrade.map(({ grade, cell }) => ({
              key: String(grade),
              head: t("gradeValue", { grade }),
              cells: [...report.bySex.flatMap(({ sex }) => triple(cellOf(grade, sex), text)), ...triple(cell, text)],
            })),
            {
              key: "total",
              head: t("total"),
              cells: [...report.bySex.flatMap(({ cell }) => triple(cell, text)), ...triple(report.total, text)],
              last: true,
            },
          ]}
        />
      </tbody>
    </ReportTable>
  );
}

function HeaderTriple({ t }: { t: Awaited<ReturnType<typeof getTranslations<"visits.reachability">>> }) {
  return (
    <>
      <th scope="col" className="num">
        {t("alerted")}
      </th>
      <th scope="col" className="num">
        {t("reached")}
      </th>
      <th scope="col" className="num">
        {t("pct")}
      </th>
    </>
  );
}

export async function ReasonsTable({ report }: { report: ReachabilityReport }) {
  const [t, text] = await Promise.all([getTranslations("visits.reachability"), getFigureText()]);
  const columns: { key: string; label: string; cell: ReachCell }[] = [
    ...report.byGrade.map((g) => ({ key: `g${g.grade}`, label: t("gradeValue", { grade: g.grade }), cell: g.cell })),
    ...report.bySex.map((s) => ({ key: s.sex, label: t(`sex.${s.sex}`), cell: s.cell })),
    { key: "total", label: t("total"), cell: report.total },
  ];
  return (
    <div className="space-y-1">
      <ReportTable caption={t("reasonsTitle")} testId="reach-reasons">
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col">{t("reason")}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="num">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <FigureRows
            words={text.words}
            rows={[
              ...UNREACHED_REASONS.map((reason) => ({
                key: reason,
                head: t(`reasons.${reason}`),
                data: { "data-reason": reason },
                cells: columns.map((c) => text.figure(c.cell.reasons?.[reason] ?? "withheld")),
              })),
              {
                key: "notReached",
                head: t("notReached"),
                cells: columns.map((c) => text.figure(c.cell.notReached ?? "withheld")),
                strong: true,
                last: true,
              },
            ]}
          />
        </tbody>
      </ReportTable>
      <p className="text-sm text-slate-600">{t("reasonsHelp")}</p>
    </div>
  );
}
