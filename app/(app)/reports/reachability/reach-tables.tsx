import { getTranslations } from "next-intl/server";
import type { ReachabilityReport, ReachCell } from "@/lib/visits/reachability";
import { UNREACHED_REASONS } from "@/lib/visits/reachability";
import { Figure, Percent } from "./figure";

// The reachability tables. Plain server-rendered tables that scroll sideways on a phone;
// every header cell names its row or column for screen readers.

const th = "py-2 pr-3 text-left font-medium";
const td = "whitespace-nowrap py-2 pr-3 text-right tabular-nums";

function Table({ caption, testId, children }: { caption: string; testId: string; children: React.ReactNode }) {
  return (
    // Focusable and named: a keyboard can scroll it on a phone (axe: scrollable-region-focusable).
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="mb-2 text-left text-sm font-semibold text-slate-900">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

function CellFigures({ cell }: { cell: ReachCell }) {
  return (
    <>
      <td className={td}>
        <Figure value={cell.alerted} />
      </td>
      <td className={td}>
        <Figure value={cell.reached} />
      </td>
      <td className={td}>
        <Percent value={cell.reachedPct} />
      </td>
    </>
  );
}

export async function SchoolTable({ report }: { report: ReachabilityReport }) {
  const t = await getTranslations("visits.reachability");
  return (
    <Table caption={t("bySchool")} testId="reach-by-school">
      <thead>
        <tr className="border-b border-slate-200">
          <th scope="col" className={th}>
            {t("school")}
          </th>
          <HeaderTriple t={t} />
        </tr>
      </thead>
      <tbody>
        {report.schools.map((s) => (
          <tr key={s.id} className="border-b border-slate-100">
            <th scope="row" className={th}>
              {s.name}
            </th>
            <CellFigures cell={s.cell} />
          </tr>
        ))}
        <tr>
          <th scope="row" className={th}>
            {t("total")}
          </th>
          <CellFigures cell={report.total} />
        </tr>
      </tbody>
    </Table>
  );
}

export async function GradeSexTable({ report }: { report: ReachabilityReport }) {
  const t = await getTranslations("visits.reachability");
  const cellOf = (grade: number, sex: "F" | "M") =>
    report.byGradeSex.find((g) => g.grade === grade && g.sex === sex)!.cell;
  const groups = [
    { key: "F", label: t("sex.F") },
    { key: "M", label: t("sex.M") },
    { key: "T", label: t("total") },
  ];
  return (
    <Table caption={t("byGradeSex")} testId="reach-by-grade-sex">
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
          <th scope="col" className={th}>
            {t("grade")}
          </th>
          {groups.map((g) => (
            <HeaderTriple key={g.key} t={t} />
          ))}
        </tr>
      </thead>
      <tbody>
        {report.byGrade.map(({ grade, cell }) => (
          <tr key={grade} className="border-b border-slate-100">
            <th scope="row" className={th}>
              {t("gradeValue", { grade })}
            </th>
            <CellFigures cell={cellOf(grade, "F")} />
            <CellFigures cell={cellOf(grade, "M")} />
            <CellFigures cell={cell} />
          </tr>
        ))}
        <tr>
          <th scope="row" className={th}>
            {t("total")}
          </th>
          {report.bySex.map(({ sex, cell }) => (
            <CellFigures key={sex} cell={cell} />
          ))}
          <CellFigures cell={report.total} />
        </tr>
      </tbody>
    </Table>
  );
}

function HeaderTriple({ t }: { t: Awaited<ReturnType<typeof getTranslations<"visits.reachability">>> }) {
  return (
    <>
      <th scope="col" className={`${th} whitespace-nowrap text-right`}>
        {t("alerted")}
      </th>
      <th scope="col" className={`${th} whitespace-nowrap text-right`}>
        {t("reached")}
      </th>
      <th scope="col" className={`${th} whitespace-nowrap text-right`}>
        {t("pct")}
      </th>
    </>
  );
}

export async function ReasonsTable({ report }: { report: ReachabilityReport }) {
  const t = await getTranslations("visits.reachability");
  const columns = [
    ...report.byGrade.map((g) => ({ key: `g${g.grade}`, label: t("gradeValue", { grade: g.grade }), cell: g.cell })),
    ...report.bySex.map((s) => ({ key: s.sex, label: t(`sex.${s.sex}`), cell: s.cell })),
    { key: "total", label: t("total"), cell: report.total },
  ];
  return (
    <div className="space-y-1">
      <Table caption={t("reasonsTitle")} testId="reach-reasons">
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className={th}>
              {t("reason")}
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`${th} whitespace-nowrap text-right`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {UNREACHED_REASONS.map((reason) => (
            <tr key={reason} className="border-b border-slate-100" data-reason={reason}>
              <th scope="row" className={th}>
                {t(`reasons.${reason}`)}
              </th>
              {columns.map((c) => (
                <td key={c.key} className={td}>
                  <Figure value={c.cell.reasons[reason]} />
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row" className={th}>
              {t("notReached")}
            </th>
            {columns.map((c) => (
              <td key={c.key} className={`${td} font-semibold`}>
                <Figure value={c.cell.notReached} />
              </td>
            ))}
          </tr>
        </tbody>
      </Table>
      <p className="text-sm text-slate-600">{t("reasonsHelp")}</p>
    </div>
  );
}
