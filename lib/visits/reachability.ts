import "server-only";
import { authorize } from "../auth/authorize";
import { scopedSchoolIds } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import { Prisma } from "../generated/prisma/client";
import type { Sex } from "../generated/prisma/enums";
import { suppressSmallCount } from "../home/suppress";
import type { StatValue } from "../home/types";
import type { TReachabilityFilters } from "./schema";

// How many alerted students the team could reach, and why not — the pilot's 36 % problem —
// per school, grade and sex, over the caller's schools. One set-based statement; every figure
// comes from the data.
//
// - alerted: students with any alert (the seed's definition of the pilot's 278);
// - reached: any DONE home visit with outcome CONTACTED, or any contact attempt REACHED;
// - reason for the others: the outcome of their most recent failed visit or attempt
//   (a family that refused a visit or a call counts once as REFUSED), or NO_ATTEMPT.
// Coordinators work no case, so their counts under 5 are suppressed here, on the server.

export const UNREACHED_REASONS = [
  "ADDRESS_NOT_FOUND",
  "MOVED",
  "NOBODY_HOME",
  "REFUSED",
  "NO_ANSWER",
  "WRONG_NUMBER",
  "NO_ATTEMPT",
] as const;
export type UnreachedReason = (typeof UNREACHED_REASONS)[number];

export type ReachCounts = {
  alerted: number;
  reached: number;
  notReached: number;
  reasons: Record<UnreachedReason, number>;
};
export type ReachCell = {
  alerted: StatValue;
  reached: StatValue;
  notReached: StatValue;
  /** reached ÷ alerted, one decimal; null when there is nobody or a count is suppressed. */
  reachedPct: number | null;
  reasons: Record<UnreachedReason, StatValue>;
};
export type ReachabilityReport = {
  /** Small counts are hidden (aggregate-only roles). */
  suppressed: boolean;
  total: ReachCell;
  schools: { id: string; name: string; codigoModular: string; cell: ReachCell }[];
  /** Every school of the caller's scope, for the school filter (the report may cover one). */
  scopeSchools: { id: string; name: string; codigoModular: string }[];
  byGrade: { grade: number; cell: ReachCell }[];
  bySex: { sex: Sex; cell: ReachCell }[];
  byGradeSex: { grade: number; sex: Sex; cell: ReachCell }[];
};

type Row = { schoolId: string; grade: number; sex: Sex; status: "REACHED" | UnreachedReason; n: number };

/** Students grouped by school, grade, sex and reach status (REACHED or the reason they were not). */
export function reachabilitySql(schoolIds: string[]): Prisma.Sql {
  return Prisma.sql`
    WITH alerted AS (
      SELECT DISTINCT a."studentId" AS id FROM alert a WHERE a."schoolId" = ANY(${schoolIds}::uuid[])
    ),
    attempts AS (
      SELECT v."studentId", v."visitedAt" AS at, v.outcome = 'CONTACTED' AS reached, v.outcome::text AS reason
      FROM home_visit v
      WHERE v."schoolId" = ANY(${schoolIds}::uuid[]) AND v.status = 'DONE' AND v.outcome IS NOT NULL
      UNION ALL
      SELECT c."studentId", c."attemptedAt", c.outcome = 'REACHED', c.outcome::text
      FROM contact_attempt c
      WHERE c."schoolId" = ANY(${schoolIds}::uuid[])
    ),
    per_student AS (
      SELECT s."schoolId", s.grade, s.sex,
             coalesce(bool_or(x.reached), false) AS reached,
             (array_agg(x.reason ORDER BY x.at DESC NULLS LAST, x.reason) FILTER (WHERE NOT x.reached))[1] AS last_failed
      FROM alerted al
      JOIN student s ON s.id = al.id AND s."schoolId" = ANY(${schoolIds}::uuid[])
      LEFT JOIN attempts x ON x."studentId" = s.id
      GROUP BY s.id
    )
    SELECT "schoolId"::text AS "schoolId", grade::int AS grade, sex,
           CASE WHEN reached THEN 'REACHED' ELSE coalesce(last_failed, 'NO_ATTEMPT') END AS status,
           count(*)::int AS n
    FROM per_student
    GROUP BY 1, 2, 3, 4`;
}

export async function getReachability(
  user: SessionUser | null,
  filters: TReachabilityFilters = {},
): Promise<ReachabilityReport> {
  authorize(user, "reports.read");
  const scope = scopedSchoolIds(user);
  if (filters.school && !scope.includes(filters.school)) {
    throw new AppError("NOT_FOUND", "school.notFound");
  }
  const schoolIds = filters.school ? [filters.school] : scope;
  const [rows, scopeSchools] = await Promise.all([
    schoolIds.length ? db.$queryRaw<Row[]>(reachabilitySql(schoolIds)) : Promise.resolve([] as Row[]),
    db.school.findMany({
      where: { id: { in: scope } },
      select: { id: true, name: true, codigoModular: true },
      orderBy: { codigoModular: "asc" },
    }),
  ]);
  const schools = scopeSchools.filter((s) => schoolIds.includes(s.id));
  const suppress = user.role === "COORDINATOR";
  const cell = (match: (r: Row) => boolean) => toCell(countRows(rows.filter(match)), suppress);
  const grades = [...new Set(rows.map((r) => r.grade))].sort((a, b) => a - b);
  const sexes: Sex[] = ["F", "M"];
  return {
    suppressed: suppress,
    scopeSchools,
    total: cell(() => true),
    schools: schools.map((s) => ({ ...s, cell: cell((r) => r.schoolId === s.id) })),
    byGrade: grades.map((grade) => ({ grade, cell: cell((r) => r.grade === grade) })),
    bySex: sexes.map((sex) => ({ sex, cell: cell((r) => r.sex === sex) })),
    byGradeSex: grades.flatMap((grade) =>
      sexes.map((sex) => ({ grade, sex, cell: cell((r) => r.grade === grade && r.sex === sex) })),
    ),
  };
}

export function countRows(rows: Pick<Row, "status" | "n">[]): ReachCounts {
  const reasons = Object.fromEntries(UNREACHED_REASONS.map((r) => [r, 0])) as Record<UnreachedReason, number>;
  let reached = 0;
  for (const r of rows) {
    if (r.status === "REACHED") reached += r.n;
    else reasons[r.status] += r.n;
  }
  const notReached = Object.values(reasons).reduce((a, b) => a + b, 0);
  return { alerted: reached + notReached, reached, notReached, reasons };
}

export function toCell(c: ReachCounts, suppress: boolean): ReachCell {
  const show = (n: number): StatValue => (suppress ? suppressSmallCount(n) : n);
  const alerted = show(c.alerted);
  const reached = show(c.reached);
  const pct =
    typeof alerted === "number" && typeof reached === "number" && c.alerted > 0
      ? Math.round((1000 * c.reached) / c.alerted) / 10
      : null;
  return {
    alerted,
    reached,
    notReached: show(c.notReached),
    reachedPct: pct,
    reasons: Object.fromEntries(UNREACHED_REASONS.map((r) => [r, show(c.reasons[r])])) as Record<
      UnreachedReason,
      StatValue
    >,
  };
}
