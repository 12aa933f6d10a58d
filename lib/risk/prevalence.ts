import "server-only";
import { authorize } from "../auth/authorize";
import { scopedSchoolIds } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { RiskDomain, Sex } from "../generated/prisma/enums";
import { isAggregateOnly } from "../reports/scope";
import { percentOf, TableModel, type Count } from "../reports/table-model";

// The pilot's risk-factor prevalence table, per item: present ÷ answered ("unknown" is not an
// answer), with its n, over a set of schools, a period, a grade and sex, for each version of
// the form. One SQL statement, aggregated in the database.
//
// Who is counted: each student once per version, by their latest signed evaluation on that
// version within the period; an evaluation replaced by a signed correction does not count (its
// correction does). So re-evaluating a student does not count them twice.
//
// For aggregate-only readers (coordinators) every count under 5 is hidden, and so is whatever
// would let one be worked out (lib/reports/suppression.ts): per item, present, absent (n −
// present) and the evaluated total are tied together, so "28 of 31" is not shown when 3 are
// absent, and "31 of 31" (nobody without the factor) is not shown either.

export type PrevalenceFilter = {
  /** One version of the form; all versions with evaluations when absent. */
  instrumentVersion?: number;
  /** Narrows the caller's schools; never widens them. */
  schoolIds?: readonly string[];
  /** Evaluations signed at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
  grade?: number | null;
  sex?: Sex | null;
};

export type PrevalenceRow = {
  code: string;
  domain: RiskDomain;
  position: number;
  labelEs: string;
  labelEn: string;
  present: Count;
  /** n: answered present or absent. */
  answered: Count;
  /** One decimal, half up; null when nothing was answered or when a count is hidden. */
  percent: number | null;
};

export type Prevalence = { instrumentVersion: number; evaluatedStudents: Count; rows: PrevalenceRow[] };

type Raw = Omit<PrevalenceRow, "present" | "answered" | "percent"> & {
  version: number;
  present: number;
  answered: number;
  evaluated: number;
};

function prevalenceSql(schools: readonly string[], filter: PrevalenceFilter): Prisma.Sql {
  const from = filter.from ?? new Date(0);
  const to = filter.to ?? new Date("9999-12-31T00:00:00Z");
  const version =
    filter.instrumentVersion === undefined ? Prisma.empty : Prisma.sql`AND i.version = ${filter.instrumentVersion}`;
  const grade = filter.grade == null ? Prisma.empty : Prisma.sql`AND s.grade = ${filter.grade}`;
  const sex = filter.sex == null ? Prisma.empty : Prisma.sql`AND s.sex = ${filter.sex}::"Sex"`;
  return Prisma.sql`
    WITH counted AS (
      SELECT DISTINCT ON (e."studentId", i.version) e.id, i.version
        FROM risk_evaluation e
        JOIN risk_instrument i ON i.id = e."instrumentId"
        JOIN student s ON s.id = e."studentId" AND s."schoolId" = e."schoolId"
       WHERE e.status = 'SIGNED' ${version} ${grade} ${sex}
         AND e."schoolId" = ANY(${schools}::uuid[])
         AND e."evaluatedAt" >= ${from} AND e."evaluatedAt" < ${to}
         AND NOT EXISTS (
           SELECT 1 FROM risk_evaluation fix WHERE fix."correctsId" = e.id AND fix.status = 'SIGNED')
       ORDER BY e."studentId", i.version, e."evaluatedAt" DESC, e.id
    ), evaluated AS (
      SELECT version, count(*)::int AS n FROM counted GROUP BY version
    ), tally AS (
      SELECT a."itemId",
             count(*) FILTER (WHERE a.value = 'PRESENT')::int AS present,
             count(*) FILTER (WHERE a.value <> 'UNKNOWN')::int AS answered
        FROM risk_answer a
       WHERE a."evaluationId" IN (SELECT id FROM counted)
       GROUP BY a."itemId"
    )
    SELECT i.version, it.code, it.domain::text AS domain, it.position, it."labelEs", it."labelEn",
           coalesce(t.present, 0) AS present, coalesce(t.answered, 0) AS answered, ev.n AS evaluated
      FROM evaluated ev
      JOIN risk_instrument i ON i.version = ev.version
      JOIN risk_item it ON it."instrumentId" = i.id
      LEFT JOIN tally t ON t."itemId" = it.id
     ORDER BY i.version, it.position`;
}

/** present, absent and unknown per item are the atoms; n and the evaluated total are their sums. */
function prevalenceModel(items: Raw[]): TableModel {
  const model = new TableModel();
  for (const it of items) {
    model.atom(`${it.code}|P`, "always");
    model.atom(`${it.code}|A`, "always"); // "nobody without the factor" is as telling as "one"
    model.atom(`${it.code}|U`, "never"); // an answer left unknown describes the evaluation, not the child
    model.add(`${it.code}|P`, it.present);
    model.add(`${it.code}|A`, it.answered - it.present);
    model.add(`${it.code}|U`, it.evaluated - it.answered);
    model.cell(`${it.code}:present`, [`${it.code}|P`]);
    model.cell(`${it.code}:answered`, [`${it.code}|P`, `${it.code}|A`]);
    // The evaluated total is one printed number, the same for every item.
    model.cell(`${it.code}:evaluated`, [`${it.code}|P`, `${it.code}|A`, `${it.code}|U`], { group: "evaluated" });
  }
  return model;
}

function toPrevalence(version: number, items: Raw[], suppress: boolean): Prevalence {
  const model = prevalenceModel(items).protect(suppress);
  return {
    instrumentVersion: version,
    evaluatedStudents: items.length ? model.get(`${items[0].code}:evaluated`) : 0,
    rows: items.map(({ version: _v, evaluated: _e, present: _p, answered: _a, ...item }) => {
      const present = model.get(`${item.code}:present`);
      const answered = model.get(`${item.code}:answered`);
      return { ...item, present, answered, percent: percentOf(present, answered) };
    }),
  };
}

async function loadPrevalence(user: SessionUser, filter: PrevalenceFilter): Promise<Prevalence[]> {
  authorize(user, "reports.read");
  const mine = scopedSchoolIds(user);
  const schools = filter.schoolIds ? mine.filter((id) => filter.schoolIds!.includes(id)) : mine;
  const raw = schools.length ? await db.$queryRaw<Raw[]>(prevalenceSql(schools, filter)) : [];
  const versions = [...new Set(raw.map((r) => r.version))];
  const suppress = isAggregateOnly(user);
  return versions.map((v) =>
    toPrevalence(
      v,
      raw.filter((r) => r.version === v),
      suppress,
    ),
  );
}

/** Every version of the form with at least one counted evaluation, oldest first. */
export async function getRiskPrevalenceByVersion(user: SessionUser, filter: PrevalenceFilter): Promise<Prevalence[]> {
  return loadPrevalence(user, filter);
}

/** One version's table (items listed with 0 when nobody was evaluated on it in the filter). */
export async function getRiskPrevalence(
  user: SessionUser,
  filter: PrevalenceFilter & { instrumentVersion: number },
): Promise<Prevalence> {
  const [found] = await loadPrevalence(user, filter);
  if (found) return found;
  const items = await db.riskItem.findMany({
    where: { instrument: { version: filter.instrumentVersion } },
    select: { code: true, domain: true, position: true, labelEs: true, labelEn: true },
    orderBy: { position: "asc" },
  });
  const zero: Count = isAggregateOnly(user) ? "suppressed" : 0;
  return {
    instrumentVersion: filter.instrumentVersion,
    evaluatedStudents: zero,
    rows: items.map((it) => ({ ...it, present: zero, answered: zero, percent: null })),
  };
}
