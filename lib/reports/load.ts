import "server-only";
import type { SessionUser } from "../auth/types";
import { getRiskPrevalenceByVersion, type Prevalence } from "../risk/prevalence";
import { loadReachRows } from "../visits/reachability";
import { loadCohort } from "./cohort-sql";
import { FUNNEL_SHARED, funnelModel, funnelReport, type FunnelReport } from "./funnel";
import {
  GRADE_SHARED,
  gradeModel,
  gradeSexAxes,
  gradeSexReport,
  reachCell,
  type GradeSexReport,
  type ReachCell,
} from "./grade-sex";
import { loadReferralTimes, type ReferralTimesReport } from "./referral-times";
import type { TReportFilters } from "./schema";
import { resolveReportScope, type ReportSchool, type ReportScope } from "./scope";
import { percentOf, protectLinked, type Count } from "./table-model";
import { AGGREGATES_TTL_MS, TtlCache } from "../cache/ttl-cache";

// Everything /reports shows, from a handful of set-based statements run side by side: the
// cohort (funnel and grade × sex), reachability by grade, sex and reason, risk prevalence and
// referral times. Tables that print the same totals are protected together (table-model.ts).

export const REPORT_SECTIONS = ["funnel", "gradeSex", "prevalence", "reachability", "referrals"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export type SchoolReach = { school: ReportSchool; alerted: Count; reached: Count; reachedPct: number | null };

export type ReachabilityReport = {
  total: ReachCell;
  /** One row per school when the report covers more than one. */
  schools: SchoolReach[];
  byGrade: { grade: number; cell: ReachCell }[];
  bySex: { sex: "F" | "M"; cell: ReachCell }[];
  byGradeSex: { grade: number; sex: "F" | "M"; cell: ReachCell }[];
};

export type Reports = {
  scope: ReportScope;
  /** When the figures were computed (they may come from the short-lived cache below). */
  computedAt: Date;
  funnel: FunnelReport | null;
  gradeSex: GradeSexReport | null;
  reachability: ReachabilityReport | null;
  prevalence: Prevalence[] | null;
  referrals: ReferralTimesReport | null;
};

const NEEDS_COHORT: ReportSection[] = ["funnel", "gradeSex", "reachability"];

/**
 * Report figures are aggregates over a whole territory; at UGEL scale computing them costs
 * about seven times a small page, and a coordinator's monthly report does not need them to
 * the second. Each server process keeps them for REPORTS_CACHE_SECONDS (default 120; 0 turns
 * the cache off), and the page says when they were computed. Past half that time a read still
 * gets them at once and starts their recomputation behind it (lib/cache/ttl-cache.ts), so a report read
 * steadily never makes its reader wait for it, and no figure shown is older than the TTL.
 */
const REPORT_CACHE = new TtlCache<Figures>(AGGREGATES_TTL_MS, 200);

/**
 * The reports `user` may read over `filters`, small counts protected for aggregate-only roles.
 * Every section is computed together (an export of one section hides exactly what the page
 * hides, since tables that print the same totals are protected together).
 */
export async function getReports(user: SessionUser | null, filters: TReportFilters): Promise<Reports> {
  const scope = await resolveReportScope(user, filters);
  // The key is everything the figures depend on: the covered schools, the period, grade and
  // sex, and whether small counts are hidden. Two callers share an entry only when they would
  // compute exactly the same tables; the page and its CSV exports therefore print the same
  // figures, computed at the same moment.
  const key = JSON.stringify([
    user?.role ?? null,
    scope.aggregateOnly,
    [...scope.schoolIds].sort(),
    scope.from,
    scope.to,
    scope.grade,
    scope.sex,
  ]);
  const figures = await REPORT_CACHE.get(key, () => computeReports(user, scope, REPORT_SECTIONS));
  return { scope, ...figures };
}

type Figures = Omit<Reports, "scope">;

async function computeReports(
  user: SessionUser | null,
  scope: ReportScope,
  sections: readonly ReportSection[],
): Promise<Figures> {
  const computedAt = new Date();
  const wants = (s: ReportSection) => sections.includes(s);
  const cohortNeeded = sections.some((s) => NEEDS_COHORT.includes(s));
  const suppress = scope.aggregateOnly;
  const [cohort, reach, prevalence, referrals] = await Promise.all([
    cohortNeeded ? loadCohort(scope) : null,
    cohortNeeded ? loadReachRows(scope) : null,
    wants("prevalence") ? getRiskPrevalenceByVersion(user!, { ...scope, schoolIds: scope.schoolIds }) : null,
    wants("referrals") ? loadReferralTimes(scope, suppress) : null,
  ]);
  const result: Figures = { computedAt, funnel: null, gradeSex: null, reachability: null, prevalence, referrals };
  if (cohort && reach) {
    const funnel = funnelModel(cohort, scope.schools);
    const axes = gradeSexAxes(cohort, scope);
    const grades = gradeModel(cohort, reach, axes);
    protectLinked(suppress, [
      { model: funnel, links: FUNNEL_SHARED },
      { model: grades, links: GRADE_SHARED },
    ]);
    const funnelTables = funnelReport(funnel, scope.schools);
    if (wants("funnel")) result.funnel = funnelTables;
    if (wants("gradeSex")) result.gradeSex = gradeSexReport(grades, axes);
    if (wants("reachability")) {
      result.reachability = {
        total: reachCell(grades, "T:T"),
        schools: funnelTables.schools.map(({ school, column }) => {
          const [alerted, reached] = [column.steps[1].count, column.steps[2].count];
          return { school, alerted, reached, reachedPct: percentOf(reached, alerted) };
        }),
        byGrade: axes.grades.map((grade) => ({ grade, cell: reachCell(grades, `g${grade}:T`) })),
        bySex: axes.sexes.map((sex) => ({ sex, cell: reachCell(grades, `T:${sex}`) })),
        byGradeSex: axes.grades.flatMap((grade) =>
          axes.sexes.map((sex) => ({ grade, sex, cell: reachCell(grades, `g${grade}:${sex}`) })),
        ),
      };
    }
  }
  return result;
}
