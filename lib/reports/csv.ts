import { CASE_OUTCOMES } from "./cohort-sql";
import { UNREACHED_REASONS } from "../visits/reachability";
import type { Reports } from "./load";
import type { Count } from "./table-model";

// CSV exports of the report sections, as Excel in Spanish opens them: UTF-8 with a byte-order
// mark (accents intact), ";" between fields, CRLF line ends, decimal comma. Hidden figures are
// written as on the page ("<5", "*"), so an export never says more than the screen.

export const EXPORTS = ["funnel", "grade-sex", "prevalence", "reachability", "referrals"] as const;
export type ExportName = (typeof EXPORTS)[number];

/** Which loaded section each export prints. */
export const EXPORT_SECTION = {
  funnel: "funnel",
  "grade-sex": "gradeSex",
  prevalence: "prevalence",
  reachability: "reachability",
  referrals: "referrals",
} as const;

type Cell = string | number | null;
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const BOM = "\uFEFF";

/** A field as text: numbers with a decimal comma, quoted when needed, formulas defused. */
export function csvField(value: Cell): string {
  if (value === null) return "";
  let text = typeof value === "number" ? String(value).replace(".", ",") : value;
  // A cell starting with = + - @ would run as a formula in a spreadsheet (names come from users).
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return BOM + rows.map((r) => r.map(csvField).join(";")).join("\r\n") + "\r\n";
}

const count = (c: Count): Cell => (c === "suppressed" ? "<5" : c === "withheld" ? "*" : c);

export function exportRows(
  name: ExportName,
  reports: Reports,
  t: Translate,
  tv: Translate,
  locale: "es" | "en",
): Cell[][] {
  switch (name) {
    case "funnel": {
      const f = reports.funnel!;
      const steps = f.total.steps;
      const header = [
        t("funnel.school"),
        t("csv.schoolCode"),
        ...steps.flatMap((s, k) =>
          k === 0
            ? [t(`funnel.steps.${s.step}`)]
            : [t(`funnel.steps.${s.step}`), `${t(`funnel.steps.${s.step}`)} (${t("funnel.pct")})`],
        ),
        ...CASE_OUTCOMES.map((o) => `${t("funnel.closedTitle")}: ${t(`funnel.outcomes.${o}`)}`),
        t("funnel.closed"),
      ];
      const row = (name: string, code: string, c: typeof f.total): Cell[] => [
        name,
        code,
        ...c.steps.flatMap((s, k) => (k === 0 ? [count(s.count)] : [count(s.count), s.pctOfPrevious])),
        ...CASE_OUTCOMES.map((o) => count(c.outcomes[o])),
        count(c.closed),
      ];
      return [
        header,
        ...f.schools.map((s) => row(s.school.name, s.school.codigoModular, s.column)),
        row(t("total"), "", f.total),
      ];
    }
    case "grade-sex": {
      const g = reports.gradeSex!;
      const columns = [...g.sexes, "T" as const];
      const label = (c: (typeof columns)[number]) => (c === "T" ? t("total") : t(`sex.${c}`));
      const header = [
        t("gradeSex.grade"),
        ...columns.flatMap((c) => [
          `${label(c)}: ${t("gradeSex.followed")}`,
          `${label(c)}: ${t("gradeSex.alerted")}`,
          `${label(c)}: ${t("gradeSex.rate")}`,
        ]),
      ];
      return [
        header,
        ...[...g.rows, g.total].map((r) => [
          r.grade === "T" ? t("total") : t("gradeValue", { grade: r.grade }),
          ...columns.flatMap((c) => [count(r.cells[c].followed), count(r.cells[c].alerted), r.cells[c].rate]),
        ]),
      ];
    }
    case "prevalence":
      return [
        [
          t("csv.version"),
          t("csv.domain"),
          t("csv.itemCode"),
          t("prevalence.item"),
          t("prevalence.present"),
          t("prevalence.answered"),
          t("prevalence.pct"),
          t("csv.evaluated"),
        ],
        ...reports.prevalence!.flatMap((v) =>
          v.rows.map((r) => [
            v.instrumentVersion,
            t(`prevalence.domains.${r.domain}`),
            r.code,
            locale === "en" ? r.labelEn : r.labelEs,
            count(r.present),
            count(r.answered),
            r.percent,
            count(v.evaluatedStudents),
          ]),
        ),
      ];
    case "reachability": {
      const r = reports.reachability!;
      const header = [
        t("csv.column"),
        tv("alerted"),
        tv("reached"),
        tv("pct"),
        tv("notReached"),
        ...UNREACHED_REASONS.map((x) => tv(`reasons.${x}`)),
      ];
      const full = (name: string, c: typeof r.total): Cell[] => [
        name,
        count(c.alerted),
        count(c.reached),
        c.reachedPct,
        c.notReached === null ? null : count(c.notReached),
        ...UNREACHED_REASONS.map((x) => (c.reasons ? count(c.reasons[x]) : null)),
      ];
      return [
        header,
        ...r.schools.map((s) => [s.school.name, count(s.alerted), count(s.reached), s.reachedPct]),
        ...r.byGrade.map((g) => full(t("gradeValue", { grade: g.grade }), g.cell)),
        ...r.bySex.map((s) => full(t(`sex.${s.sex}`), s.cell)),
        ...r.byGradeSex.map((x) => full(`${t("gradeValue", { grade: x.grade })} ${t(`sex.${x.sex}`)}`, x.cell)),
        full(t("total"), r.total),
      ];
    }
    case "referrals": {
      const f = reports.referrals!;
      const header = [
        t("referrals.agency"),
        ...(["sent", "accepted", "rejected", "closed", "overdue"] as const).map((k) => t(`referrals.${k}`)),
        `${t("referrals.acceptMedian")} (h)`,
        `${t("referrals.acceptP90")} (h)`,
        `${t("referrals.closeMedian")} (d)`,
        `${t("referrals.closeP90")} (d)`,
      ];
      const row = (name: string, x: typeof f.total): Cell[] => [
        name,
        count(x.sent),
        count(x.accepted),
        count(x.rejected),
        count(x.closed),
        count(x.overdue),
        x.toAcceptHours.median,
        x.toAcceptHours.p90,
        x.toCloseDays.median,
        x.toCloseDays.p90,
      ];
      return [header, ...f.agencies.map((a) => row(a.name, a.times)), row(t("total"), f.total)];
    }
  }
}
