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
  funnel: FunnelReport | null;
  gradeSex: GradeSexReport | null;
  reachability: ReachabilityReport | null;
  prevalence: Prevalence[] | null;
  referrals: ReferralTimesReport | null;
};

const NEEDS_COHORT: ReportSection[] = ["funnel", "gradeSex", "reachability"];

/**
 * The reports `user` may read over `filters`, small counts protected for aggregate-only roles.
 * `sections` limits the work to what a caller prints (an export needs one section, plus the
 * tables it shares figures with, so that it hides exactly what the page hides).
 */
export async function getReports(
  user: SessionUser | null,
  filters: TReportFilters,
  sections: readonly ReportSection[] = REPORT_SECTIONS,
): Promise<Reports> {
  const scope = await resolveReportScope(user, filters);
  const wants = (s: ReportSection) => sections.includes(s);
  const cohortNeeded = sections.some((s) => NEEDS_COHORT.includes(s));
  const suppress = scope.aggregateOnly;
  const [cohort, reach, prevalence, referrals] = await Promise.all([
    cohortNeeded ? loadCohort(scope) : null,
    cohortNeeded ? loadReachRows(scope) : null,
    wants("prevalence") ? getRiskPrevalenceByVersion(user!, { ...scope, schoolIds: scope.schoolIds }) : null,
    wants("referrals") ? loadReferralTimes(scope, suppress) : null,
  ]);
  const result: Reports = { scope, funnel: null, gradeSex: null, reachability: null, prevalence, referrals };
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
