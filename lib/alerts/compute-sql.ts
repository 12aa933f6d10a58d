import { Prisma } from "../generated/prisma/client";
import { CHRONIC_MIN_DAYS, DEFAULT_RATE_WINDOW, DEFAULT_RULES } from "./schema";

// The alert engine as SQL: one statement computes every candidate alert of the students in
// scope and inserts the new ones; the unique "openKey" makes an already open alert a no-op.
// Same rules as rules.ts (the reference the tests compare against); decisions in
// docs/decisions/006-alert-rules.md.
//
// Why it is fast: only absence rows are read. Presence is the absence of an absence, so the
// rules need, per student, the first attendance day (one index probe on the primary key),
// the section's school days (attendance_day, small) and the JUSTIFIED/UNJUSTIFIED rows.
// Runs of consecutive unjustified absences are islands in the section's day index `pos`:
// within a run, pos − row_number() over the student's unjustified days is constant.

export type ComputeScope = { schoolId?: string; studentIds?: string[] };

/** Inserts the default rules for schools that lack them (idempotent). */
export function ensureDefaultRulesSql(scope: ComputeScope): Prisma.Sql {
  const defaults = Object.entries(DEFAULT_RULES).map(
    ([kind, r]) => Prisma.sql`(${kind}::"AlertKind", ${r.threshold}::float8, ${r.windowDays}::int)`,
  );
  const where = scope.schoolId ? Prisma.sql`WHERE s.id = ${scope.schoolId}::uuid` : Prisma.empty;
  return Prisma.sql`
    INSERT INTO alert_rule ("schoolId", kind, threshold, "windowDays")
    SELECT s.id, v.kind, v.threshold, v.window_days
      FROM school s CROSS JOIN (VALUES ${Prisma.join(defaults)}) AS v(kind, threshold, window_days)
      ${where}
    ON CONFLICT ("schoolId", kind) DO NOTHING`;
}

/** The common table expressions that compute the candidates (`st` = students evaluated). */
function candidateCtes(scope: ComputeScope): Prisma.Sql {
  const schoolFilter = (col: Prisma.Sql) => (scope.schoolId ? Prisma.sql`AND ${col} = ${scope.schoolId}::uuid` : Prisma.empty);
  const studentFilter = scope.studentIds ? Prisma.sql`AND s.id = ANY(${scope.studentIds}::uuid[])` : Prisma.empty;
  // Incremental runs read only the sections of the students in scope.
  const sectionFilter = scope.studentIds
    ? Prisma.sql`AND (d."schoolId", d.grade, d.section) IN (SELECT "schoolId", grade, section FROM st)`
    : Prisma.empty;
  return Prisma.sql`
  rules AS (
    SELECT "schoolId",
           (array_agg(id) FILTER (WHERE kind = 'CONSECUTIVE_UNJUSTIFIED' AND active))[1] AS c_id,
           max(threshold) FILTER (WHERE kind = 'CONSECUTIVE_UNJUSTIFIED' AND active) AS c_n,
           (array_agg(id) FILTER (WHERE kind = 'UNJUSTIFIED_RATE' AND active))[1] AS r_id,
           max(threshold) FILTER (WHERE kind = 'UNJUSTIFIED_RATE' AND active) AS r_pct,
           coalesce(max("windowDays") FILTER (WHERE kind = 'UNJUSTIFIED_RATE'), ${DEFAULT_RATE_WINDOW}::int) AS r_win,
           (array_agg(id) FILTER (WHERE kind = 'CHRONIC_TIER2' AND active))[1] AS t2_id,
           max(threshold) FILTER (WHERE kind = 'CHRONIC_TIER2' AND active) AS t2_pct,
           (array_agg(id) FILTER (WHERE kind = 'CHRONIC_TIER3' AND active))[1] AS t3_id,
           max(threshold) FILTER (WHERE kind = 'CHRONIC_TIER3' AND active) AS t3_pct
      FROM alert_rule
     WHERE true ${schoolFilter(Prisma.sql`"schoolId"`)}
     GROUP BY "schoolId"
  ),
  st AS (
    SELECT s.id, s."schoolId", s.grade, s.section, f.first_day
      FROM student s
      JOIN rules r ON r."schoolId" = s."schoolId"
      CROSS JOIN LATERAL (SELECT min(a.date) AS first_day FROM attendance a WHERE a."studentId" = s.id) f
     WHERE s.status = 'ACTIVE' AND f.first_day IS NOT NULL ${schoolFilter(Prisma.sql`s."schoolId"`)} ${studentFilter}
  ),
  sec AS (
    SELECT d."schoolId", d.grade, d.section, d.date,
           row_number() OVER w AS pos, count(*) OVER (PARTITION BY d."schoolId", d.grade, d.section) AS n
      FROM attendance_day d
     WHERE true ${schoolFilter(Prisma.sql`d."schoolId"`)} ${sectionFilter}
    WINDOW w AS (PARTITION BY d."schoolId", d.grade, d.section ORDER BY d.date)
  ),
  sect AS (
    SELECT sec."schoolId", sec.grade, sec.section, max(sec.date) AS last_day,
           min(sec.date) FILTER (WHERE sec.pos > sec.n - r.r_win) AS win_from
      FROM sec JOIN rules r ON r."schoolId" = sec."schoolId"
     GROUP BY 1, 2, 3
  ),
  cov AS (
    SELECT al."studentId",
           max(al."lastDate") FILTER (WHERE al.kind = 'CONSECUTIVE_UNJUSTIFIED') AS c_cov,
           max(al."lastDate") FILTER (WHERE al.kind = 'UNJUSTIFIED_RATE') AS r_cov,
           max(al."lastDate") FILTER (WHERE al.kind = 'CHRONIC_TIER2') AS t2_cov,
           max(al."lastDate") FILTER (WHERE al.kind = 'CHRONIC_TIER3') AS t3_cov
      FROM alert al JOIN st ON st.id = al."studentId"
     WHERE al.status <> 'OPEN' AND al."lastDate" IS NOT NULL
     GROUP BY al."studentId"
  ),
  ctx AS (
    SELECT st.*, r.c_id, r.c_n, r.r_id, r.r_pct, r.r_win, r.t2_id, r.t2_pct, r.t3_id, r.t3_pct, sc.last_day, sc.win_from,
           coalesce(cv.c_cov, '-infinity'::date) AS c_cov, coalesce(cv.r_cov, '-infinity'::date) AS r_cov,
           greatest(st.first_day, cv.t2_cov + 1) AS t2_from, greatest(st.first_day, cv.t3_cov + 1) AS t3_from
      FROM st
      JOIN rules r ON r."schoolId" = st."schoolId"
      JOIN sect sc ON (sc."schoolId", sc.grade, sc.section) = (st."schoolId", st.grade, st.section)
      LEFT JOIN cov cv ON cv."studentId" = st.id
  ),
  ab AS (
    SELECT c.id AS sid, a.date, a.status = 'UNJUSTIFIED' AS unj, sec.pos
      FROM ctx c
      JOIN attendance a ON a."studentId" = c.id AND a.status IN ('UNJUSTIFIED', 'JUSTIFIED')
      JOIN sec ON (sec."schoolId", sec.grade, sec.section, sec.date) = (c."schoolId", c.grade, c.section, a.date)
  ),
  runs AS (
    SELECT sid, count(*) AS len, min(date) AS from_d, max(date) AS to_d
      FROM (SELECT ab.sid, ab.date, ab.pos - row_number() OVER (PARTITION BY ab.sid ORDER BY ab.date) AS island
              FROM ab JOIN ctx c ON c.id = ab.sid
             WHERE ab.unj AND ab.date > c.c_cov AND c.c_id IS NOT NULL) x
     GROUP BY sid, island
  ),
  agg AS (
    SELECT c.id AS sid,
           count(*) FILTER (WHERE ab.unj AND ab.date >= c.win_from AND ab.date > c.r_cov) AS r_cnt,
           min(ab.date) FILTER (WHERE ab.unj AND ab.date >= c.win_from AND ab.date > c.r_cov) AS r_first,
           max(ab.date) FILTER (WHERE ab.unj AND ab.date >= c.win_from AND ab.date > c.r_cov) AS r_last,
           count(*) FILTER (WHERE ab.date >= c.t2_from) AS t2_abs,
           count(*) FILTER (WHERE ab.unj AND ab.date >= c.t2_from) AS t2_unj,
           min(ab.date) FILTER (WHERE ab.date >= c.t2_from) AS t2_afirst,
           max(ab.date) FILTER (WHERE ab.date >= c.t2_from) AS t2_alast,
           count(*) FILTER (WHERE ab.date >= c.t3_from) AS t3_abs,
           count(*) FILTER (WHERE ab.unj AND ab.date >= c.t3_from) AS t3_unj,
           min(ab.date) FILTER (WHERE ab.date >= c.t3_from) AS t3_afirst,
           max(ab.date) FILTER (WHERE ab.date >= c.t3_from) AS t3_alast
      FROM ctx c JOIN ab ON ab.sid = c.id
     GROUP BY c.id
  ),
  -- Students of a section mostly share their evaluation start, so the section's days from
  -- each distinct start are counted once rather than per student.
  starts AS (
    SELECT "schoolId", grade, section, t2_from AS d FROM ctx WHERE t2_id IS NOT NULL
    UNION
    SELECT "schoolId", grade, section, t3_from FROM ctx WHERE t3_id IS NOT NULL
  ),
  start_days AS (
    SELECT s."schoolId", s.grade, s.section, s.d, count(*) AS days, min(sec.date) AS first
      FROM starts s
      JOIN sec ON (sec."schoolId", sec.grade, sec.section) = (s."schoolId", s.grade, s.section) AND sec.date >= s.d
     GROUP BY 1, 2, 3, 4
  ),
  chronic AS (
    SELECT c."schoolId", c.id, c.last_day, c.t2_id, c.t2_pct, c.t3_id, c.t3_pct,
           g.t2_abs, g.t2_unj, g.t2_afirst, g.t2_alast, g.t3_abs, g.t3_unj, g.t3_afirst, g.t3_alast,
           d2.days AS t2_days, d2.first AS t2_first, d3.days AS t3_days, d3.first AS t3_first
      FROM ctx c
      JOIN agg g ON g.sid = c.id
      LEFT JOIN start_days d2 ON (d2."schoolId", d2.grade, d2.section, d2.d) = (c."schoolId", c.grade, c.section, c.t2_from)
      LEFT JOIN start_days d3 ON (d3."schoolId", d3.grade, d3.section, d3.d) = (c."schoolId", c.grade, c.section, c.t3_from)
     WHERE c.t2_id IS NOT NULL OR c.t3_id IS NOT NULL
  )`;
}

const day = (col: Prisma.Sql) => Prisma.sql`to_char(${col}, 'YYYY-MM-DD')`;

/** Chronic tier candidate; `t` is the tier's column prefix. */
function chronicSelect(kind: "CHRONIC_TIER2" | "CHRONIC_TIER3", t: "t2" | "t3", extra: Prisma.Sql): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`c.${t}_${name}`);
  return Prisma.sql`
  SELECT c."schoolId", c.id, ${col("id")}, ${kind}::"AlertKind",
         jsonb_build_object('absences', ${col("abs")}, 'justified', ${col("abs")} - ${col("unj")}, 'unjustified', ${col("unj")},
                            'days', ${col("days")}, 'pct', (trunc(${col("abs")} * 1000.0 / ${col("days")}) / 10)::float8,
                            'threshold', ${col("pct")}, 'from', ${day(col("first"))}, 'to', ${day(Prisma.sql`c.last_day`)}),
         ${col("afirst")}, ${col("alast")}
    FROM chronic c
   WHERE ${col("id")} IS NOT NULL AND ${col("days")} >= ${CHRONIC_MIN_DAYS}::int AND ${col("abs")} > 0
     AND ${col("abs")} * 100 >= ${col("pct")} * ${col("days")} ${extra}`;
}

/** The candidate alerts as rows shaped like the alert table. */
const CANDIDATE_SELECT = Prisma.sql`
  SELECT * FROM (
    SELECT DISTINCT ON (c.id) c."schoolId", c.id AS "studentId", c.c_id AS "ruleId", 'CONSECUTIVE_UNJUSTIFIED'::"AlertKind" AS kind,
           jsonb_build_object('consecutive', ru.len, 'threshold', c.c_n, 'from', ${day(Prisma.sql`ru.from_d`)},
                              'to', ${day(Prisma.sql`ru.to_d`)}, 'ongoing', ru.to_d = c.last_day) AS figures,
           ru.from_d AS "firstDate", ru.to_d AS "lastDate"
      FROM runs ru JOIN ctx c ON c.id = ru.sid
     WHERE ru.len >= c.c_n
     ORDER BY c.id, ru.to_d DESC
  ) consecutive
  UNION ALL
  SELECT c."schoolId", c.id, c.r_id, 'UNJUSTIFIED_RATE'::"AlertKind",
         jsonb_build_object('unjustified', g.r_cnt, 'days', c.r_win, 'pct', (trunc(g.r_cnt * 1000.0 / c.r_win) / 10)::float8,
                            'threshold', c.r_pct, 'windowFrom', ${day(Prisma.sql`c.win_from`)}, 'windowTo', ${day(Prisma.sql`c.last_day`)}),
         g.r_first, g.r_last
    FROM ctx c JOIN agg g ON g.sid = c.id
   WHERE c.r_id IS NOT NULL AND g.r_cnt > 0 AND g.r_cnt * 100 >= c.r_pct * c.r_win
  UNION ALL ${chronicSelect("CHRONIC_TIER3", "t3", Prisma.empty)}
  UNION ALL ${chronicSelect("CHRONIC_TIER2", "t2", Prisma.sql`AND NOT (c.t3_id IS NOT NULL AND c.t2_abs * 100 >= c.t3_pct * c.t2_days)`)}`;

/** SELECT of the candidate alerts for the students in scope, without writing anything. */
export function candidatesSql(scope: ComputeScope): Prisma.Sql {
  return Prisma.sql`WITH ${candidateCtes(scope)} ${CANDIDATE_SELECT}`;
}

/**
 * The whole recompute in one statement: candidates, insert of the new ones (an open alert of
 * the same student and kind wins the "openKey" conflict and is kept with its original
 * figures), and the summary.
 */
export function recomputeSql(scope: ComputeScope): Prisma.Sql {
  return Prisma.sql`
  WITH ${candidateCtes(scope)},
  cand AS MATERIALIZED (${CANDIDATE_SELECT}),
  ins AS (
    INSERT INTO alert ("schoolId", "studentId", "ruleId", kind, status, "openKey", figures, "firstDate", "lastDate")
    SELECT "schoolId", "studentId", "ruleId", kind, 'OPEN', "studentId"::text || ':' || kind::text, figures, "firstDate", "lastDate"
      FROM cand
    ON CONFLICT ("openKey") DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(DISTINCT "schoolId") FROM st)::int AS schools, (SELECT count(*) FROM st)::int AS students,
         (SELECT count(*) FROM cand)::int AS candidates, (SELECT count(*) FROM ins)::int AS opened`;
}
