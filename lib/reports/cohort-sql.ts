import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { Sex } from "../generated/prisma/enums";
import type { ReportScope } from "./scope";

// The pilot's funnel as one set-based statement: every student of the covered schools (and
// grade and sex) with the furthest step they reached and, once alerted, how their latest case
// stood at the end of the period. The funnel, the grade × sex table and their exports are all
// sums of these rows.
//
// The cohort is the students alerted during the period; each later step counts when it
// happened before the period ended (a student alerted in October and visited in November is
// "reached" in a report that ends in November). Steps are nested, like a funnel: a student
// counts as "evaluated" only if also alerted and reached.
//   0 followed   on the roster by the end of the period
//   1 alerted    an alert raised in the period
//   2 reached    a home visit CONTACTED or a contact attempt REACHED
//   3 evaluated  a signed risk evaluation
//   4 referred   a referral sent
//   5 attended   a referral accepted (now ACCEPTED, IN_PROGRESS or CLOSED)
// outcome: the outcome of the student's latest case if it was CLOSED by the end, else null.

export const FUNNEL_STAGES = ["followed", "alerted", "reached", "evaluated", "referred", "attended"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const CASE_OUTCOMES = ["REINTEGRATED", "TRANSFERRED", "DROPPED_OUT", "OTHER"] as const;
export type CaseOutcomeCode = (typeof CASE_OUTCOMES)[number];

export type CohortRow = {
  schoolId: string;
  grade: number;
  sex: Sex;
  /** Index into FUNNEL_STAGES: the furthest step reached. */
  stage: number;
  outcome: CaseOutcomeCode | null;
  n: number;
};

export function studentFilterSql(alias: string, scope: Pick<ReportScope, "grade" | "sex">): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`${scope.grade === null ? Prisma.empty : Prisma.sql`AND ${a}.grade = ${scope.grade}`}
    ${scope.sex === null ? Prisma.empty : Prisma.sql`AND ${a}.sex = ${scope.sex}::"Sex"`}`;
}

export function cohortSql(scope: ReportScope): Prisma.Sql {
  const ids = scope.schoolIds;
  const { from, to } = scope;
  // Most students never reach step 1: they are counted per (school, grade, sex) straight from
  // the roster, and only the alerted (about one in eight) are joined to the later steps. The
  // followed-but-not-alerted row of a group is its roster count minus its alerted students.
  return Prisma.sql`
    WITH s AS (
      SELECT st.id, st."schoolId", st.grade, st.sex FROM student st
       WHERE st."schoolId" = ANY(${ids}::uuid[]) AND st."createdAt" < ${to} ${studentFilterSql("st", scope)}
    ), followed AS (
      SELECT s."schoolId", s.grade, s.sex, count(*)::int AS n FROM s GROUP BY 1, 2, 3
    ), alerted AS (
      SELECT s.* FROM s
        JOIN (SELECT DISTINCT a."studentId" FROM alert a
               WHERE a."schoolId" = ANY(${ids}::uuid[]) AND a."createdAt" >= ${from} AND a."createdAt" < ${to}) a
          ON a."studentId" = s.id
    ), reached AS (
      SELECT v."studentId" AS id FROM home_visit v
       WHERE v."schoolId" = ANY(${ids}::uuid[]) AND v.status = 'DONE' AND v.outcome = 'CONTACTED' AND v."visitedAt" < ${to}
      UNION
      SELECT c."studentId" FROM contact_attempt c
       WHERE c."schoolId" = ANY(${ids}::uuid[]) AND c.outcome = 'REACHED' AND c."attemptedAt" < ${to}
    ), evaluated AS (
      SELECT DISTINCT e."studentId" AS id FROM risk_evaluation e
       WHERE e."schoolId" = ANY(${ids}::uuid[]) AND e.status = 'SIGNED' AND e."evaluatedAt" < ${to}
    ), referred AS (
      SELECT r."studentId" AS id,
             bool_or(r.status IN ('ACCEPTED', 'IN_PROGRESS', 'CLOSED') AND r."respondedAt" < ${to}) AS attended
        FROM referral r
       WHERE r."schoolId" = ANY(${ids}::uuid[]) AND r."sentAt" < ${to}
       GROUP BY r."studentId"
    ), latest_case AS (
      SELECT DISTINCT ON (c."studentId") c."studentId" AS id,
             CASE WHEN c.state = 'CLOSED' AND c."closedAt" < ${to} THEN c.outcome::text END AS outcome
        FROM case_file c
       WHERE c."schoolId" = ANY(${ids}::uuid[]) AND c."openedAt" < ${to}
       ORDER BY c."studentId", c."openedAt" DESC, c.id
    ), stepped AS (
      SELECT al."schoolId", al.grade, al.sex,
             CASE WHEN re.id IS NULL THEN 1 WHEN ev.id IS NULL THEN 2
                  WHEN rf.id IS NULL THEN 3 WHEN NOT rf.attended THEN 4 ELSE 5 END AS stage,
             lc.outcome, count(*)::int AS n
        FROM alerted al
        LEFT JOIN reached re ON re.id = al.id
        LEFT JOIN evaluated ev ON ev.id = al.id
        LEFT JOIN referred rf ON rf.id = al.id
        LEFT JOIN latest_case lc ON lc.id = al.id
       GROUP BY 1, 2, 3, 4, 5
    ), not_alerted AS (
      SELECT f."schoolId", f.grade, f.sex, 0 AS stage, NULL::text AS outcome, (f.n - coalesce(x.n, 0))::int AS n
        FROM followed f
        LEFT JOIN (SELECT "schoolId", grade, sex, sum(n) AS n FROM stepped GROUP BY 1, 2, 3) x
               ON x."schoolId" = f."schoolId" AND x.grade = f.grade AND x.sex = f.sex
    )
    SELECT "schoolId"::text AS "schoolId", grade::int AS grade, sex::text AS sex, stage, outcome, n
      FROM (SELECT * FROM stepped UNION ALL SELECT * FROM not_alerted WHERE n > 0) rows`;
}

export async function loadCohort(scope: ReportScope): Promise<CohortRow[]> {
  if (scope.schoolIds.length === 0) return [];
  return db.$queryRaw<CohortRow[]>(cohortSql(scope));
}
