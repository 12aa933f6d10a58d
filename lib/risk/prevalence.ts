import "server-only";
import { authorize } from "../auth/authorize";
import { can } from "../auth/policy";
import { scopedSchoolIds } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { db } from "../db";
import type { RiskDomain } from "../generated/prisma/enums";
import { SUPPRESSION_THRESHOLD } from "../home/suppress";

// The pilot's risk-factor prevalence table, per item: present ÷ answered ("unknown" is not an
// answer), with its n, over a set of schools, a period and one version of the form. One SQL
// statement, aggregated in the database.
//
// Who is counted: each student once, by their latest signed evaluation on that version within
// the period; an evaluation replaced by a signed correction does not count (its correction
// does). So re-evaluating a student does not count them twice.
//
// For roles that only read aggregates (coordinators), counts under 5 are suppressed here, and
// so is a percentage that would reveal one (few present, or few absent, out of n).

export type PrevalenceFilter = {
  instrumentVersion: number;
  /** Narrows the caller's schools; never widens them. */
  schoolIds?: readonly string[];
  /** Evaluations signed at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
};

type Count = number | "suppressed";

export type PrevalenceRow = {
  code: string;
  domain: RiskDomain;
  position: number;
  labelEs: string;
  labelEn: string;
  present: Count;
  /** n: answered present or absent. */
  answered: Count;
  /** One decimal, half up; null when nothing was answered or when suppressed. */
  percent: number | null;
};

export type Prevalence = { evaluatedStudents: Count; rows: PrevalenceRow[] };

type Raw = Omit<PrevalenceRow, "present" | "answered" | "percent"> & {
  present: number;
  answered: number;
  percent: number | null;
  evaluated: number;
};

export async function getRiskPrevalence(user: SessionUser, filter: PrevalenceFilter): Promise<Prevalence> {
  authorize(user, "reports.read");
  const mine = scopedSchoolIds(user);
  const schools = filter.schoolIds ? mine.filter((id) => filter.schoolIds!.includes(id)) : mine;
  const from = filter.from ?? new Date(0);
  const to = filter.to ?? new Date("9999-12-31T00:00:00Z");
  const raw = await db.$queryRaw<Raw[]>`
    WITH counted AS (
      SELECT DISTINCT ON (e."studentId") e.id
        FROM risk_evaluation e
        JOIN risk_instrument i ON i.id = e."instrumentId"
       WHERE e.status = 'SIGNED'
         AND i.version = ${filter.instrumentVersion}
         AND e."schoolId" = ANY(${schools}::uuid[])
         AND e."evaluatedAt" >= ${from} AND e."evaluatedAt" < ${to}
         AND NOT EXISTS (
           SELECT 1 FROM risk_evaluation fix WHERE fix."correctsId" = e.id AND fix.status = 'SIGNED')
       ORDER BY e."studentId", e."evaluatedAt" DESC, e.id
    ), tally AS (
      SELECT a."itemId",
             count(*) FILTER (WHERE a.value = 'PRESENT')::int AS present,
             count(*) FILTER (WHERE a.value <> 'UNKNOWN')::int AS answered
        FROM risk_answer a
       WHERE a."evaluationId" IN (SELECT id FROM counted)
       GROUP BY a."itemId"
    )
    SELECT it.code, it.domain::text AS domain, it.position, it."labelEs", it."labelEn",
           coalesce(t.present, 0) AS present,
           coalesce(t.answered, 0) AS answered,
           round(100.0 * t.present / nullif(t.answered, 0), 1)::float8 AS percent,
           (SELECT count(*)::int FROM counted) AS evaluated
      FROM risk_item it
      JOIN risk_instrument i ON i.id = it."instrumentId" AND i.version = ${filter.instrumentVersion}
      LEFT JOIN tally t ON t."itemId" = it.id
     ORDER BY it.position`;
  // Roles that read the cases themselves see the figures; aggregate-only readers get them suppressed.
  const suppress = !can(user.role, "cases.readSummary");
  const small = (n: number) => n < SUPPRESSION_THRESHOLD;
  const rows = raw.map(({ evaluated: _, present, answered, percent, ...item }) =>
    suppress
      ? {
          ...item,
          present: small(present) ? ("suppressed" as const) : present,
          answered: small(answered) ? ("suppressed" as const) : answered,
          percent: small(present) || small(answered - present) ? null : percent,
        }
      : { ...item, present, answered, percent },
  );
  const evaluated = raw[0]?.evaluated ?? 0;
  return { evaluatedStudents: suppress && small(evaluated) ? "suppressed" : evaluated, rows };
}
