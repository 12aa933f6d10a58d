import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { Sex } from "../generated/prisma/enums";

// How many alerted students the team could reach, and why not — the pilot's 36 % problem —
// by grade, sex and reason, over a set of schools. One set-based statement; every figure
// comes from the data. The tables, their small-count protection and the by-school view are
// built in lib/reports (grade-model.ts, funnel.ts), with the rest of the reports.
//
// - alerted: students with an alert raised in the period (the seed's definition of the
//   pilot's 278 when there is no period);
// - reached: before the period ended, a DONE home visit with outcome CONTACTED, or a contact
//   attempt REACHED;
// - reason for the others: the outcome of their most recent failed visit or attempt
//   (a family that refused a visit or a call counts once as REFUSED), or NO_ATTEMPT.

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
export type ReachStatus = "REACHED" | UnreachedReason;

export type ReachRow = { grade: number; sex: Sex; status: ReachStatus; n: number };

export type ReachFilter = {
  schoolIds: readonly string[];
  grade?: number | null;
  sex?: Sex | null;
  /** Alerts raised at or after `from` and before `to`; contacts before `to`. */
  from?: Date;
  to?: Date;
};

/** Alerted students grouped by grade, sex and reach status (REACHED or the reason they were not). */
export function reachabilitySql(filter: ReachFilter): Prisma.Sql {
  const ids = filter.schoolIds;
  const from = filter.from ?? new Date(0);
  const to = filter.to ?? new Date("9999-12-31T00:00:00Z");
  const grade = filter.grade == null ? Prisma.empty : Prisma.sql`AND s.grade = ${filter.grade}`;
  const sex = filter.sex == null ? Prisma.empty : Prisma.sql`AND s.sex = ${filter.sex}::"Sex"`;
  return Prisma.sql`
    WITH alerted AS (
      SELECT DISTINCT a."studentId" AS id FROM alert a
       WHERE a."schoolId" = ANY(${ids}::uuid[]) AND a."createdAt" >= ${from} AND a."createdAt" < ${to}
    ),
    attempts AS (
      SELECT v."studentId", v."visitedAt" AS at, v.outcome = 'CONTACTED' AS reached, v.outcome::text AS reason
      FROM home_visit v
      WHERE v."schoolId" = ANY(${ids}::uuid[]) AND v.status = 'DONE' AND v.outcome IS NOT NULL AND v."visitedAt" < ${to}
      UNION ALL
      SELECT c."studentId", c."attemptedAt", c.outcome = 'REACHED', c.outcome::text
      FROM contact_attempt c
      WHERE c."schoolId" = ANY(${ids}::uuid[]) AND c."attemptedAt" < ${to}
    ),
    per_student AS (
      SELECT s.grade, s.sex,
             coalesce(bool_or(x.reached), false) AS reached,
             (array_agg(x.reason ORDER BY x.at DESC NULLS LAST, x.reason) FILTER (WHERE NOT x.reached))[1] AS last_failed
      FROM alerted al
      JOIN student s ON s.id = al.id AND s."schoolId" = ANY(${ids}::uuid[]) AND s."createdAt" < ${to} ${grade} ${sex}
      LEFT JOIN attempts x ON x."studentId" = s.id
      GROUP BY s.id
    )
    SELECT grade::int AS grade, sex::text AS sex,
           CASE WHEN reached THEN 'REACHED' ELSE coalesce(last_failed, 'NO_ATTEMPT') END AS status,
           count(*)::int AS n
    FROM per_student
    GROUP BY 1, 2, 3`;
}

export async function loadReachRows(filter: ReachFilter): Promise<ReachRow[]> {
  if (filter.schoolIds.length === 0) return [];
  return db.$queryRaw<ReachRow[]>(reachabilitySql(filter));
}
