import "server-only";
import { Prisma } from "../generated/prisma/client";
import { CHRONIC_MIN_DAYS, DEFAULT_RATE_WINDOW, DEFAULT_RULES } from "./schema";
import { auditAction } from "../audit/write-audit";

// The alert engine as SQL: one statement computes every candidate alert of the students in
// scope and inserts the new ones; the unique "openKey" makes an already open alert a no-op.
// Same rules as rules.ts (the reference the tests compare against); decisions in
// docs/decisions/006-alert-rules.md.
//
// Why it is fast: only absence rows are read. Presence is the absence of an absence, so the
// rules need, per student, the first attendance day (one probe of the primary key), the
// section's calendar and the JUSTIFIED/UNJUSTIFIED rows. The calendar is one sorted array of
// dates per section; width_bucket() (binary search) turns a date into its school-day index,
// so day counts ("school days since X") cost O(log n) and no per-day rows are joined.
// Runs of consecutive unjustified absences are islands in that index: within a run,
// pos − row_number() over the student's unjustified days is constant.
// Each CTE carries the per-student columns the next one needs: CTE results have no
// statistics, and joining one back to another lets the planner pick nested loops over
// hundreds of thousands of rows.

export type ComputeScope = { schoolId?: string; studentIds?: string[] };

/**
 * Advisory lock between recomputation (exclusive) and reviews of alerts (shared). Without it
 * a dismissal committed while a recompute statement runs would free the open key the
 * statement's snapshot still sees as open evidence, and the same evidence would be raised
 * again as a new alert.
 */
export const ALERT_WRITE_LOCK = 7_006_001;

/**
 * Inserts the default rules for schools that lack them (idempotent), with one audit entry per
 * rule written; `origin` is the system origin of lib/audit/system-actor.ts.
 */
export function ensureDefaultRulesSql(scope: ComputeScope, origin: string): Prisma.Sql {
  const defaults = Object.entries(DEFAULT_RULES).map(
    ([kind, r]) => Prisma.sql`(${kind}::"AlertKind", ${r.threshold}::float8, ${r.windowDays}::int)`,
  );
  const where = scope.schoolId ? Prisma.sql`WHERE s.id = ${scope.schoolId}::uuid` : Prisma.empty;
  return Prisma.sql`
  WITH ins AS (
    INSERT INTO alert_rule ("schoolId", kind, threshold, "windowDays")
    SELECT s.id, v.kind, v.threshold, v.window_days
      FROM school s CROSS JOIN (VALUES ${Prisma.join(defaults)}) AS v(kind, threshold, window_days)
      ${where}
    ON CONFLICT ("schoolId", kind) DO NOTHING
    RETURNING id, "schoolId", kind, threshold, "windowDays", active
  )
  INSERT INTO audit_log ("actorId", "actorRole", action, entity, "entityId", "schoolId", origin, details)
  SELECT NULL, NULL, ${auditAction("alertRule.createDefault")}, 'AlertRule', id::text, "schoolId", ${origin},
         jsonb_build_object('kind', kind, 'threshold', threshold, 'windowDays', "windowDays", 'active', active)
    FROM ins`;
}

/** The common table expressions that compute the candidates (`st` = students evaluated). */
function candidateCtes(scope: ComputeScope): Prisma.Sql {
  const schoolFilter = (col: Prisma.Sql) =>
    scope.schoolId ? Prisma.sql`AND ${col} = ${scope.schoolId}::uuid` : Prisma.empty;
  const studentFilter = scope.studentIds ? Prisma.sql`AND s.id = ANY(${scope.studentIds}::uuid[])` : Prisma.empty;
  // Incremental runs read only the calendars of the sections of the students in scope.
  const sectionFilter = scope.studentIds
    ? Prisma.sql`AND (d."schoolId", d.grade, d.section) IN (
        SELECT s."schoolId", s.grade, s.section FROM student s WHERE true ${studentFilter} ${schoolFilter(Prisma.sql`s."schoolId"`)})`
    : Prisma.empty;
  const rule = (kind: string, col: string) => Prisma.raw(`max(${col}) FILTER (WHERE kind = '${kind}' AND active)`);
  const ruleId = (kind: string) => Prisma.raw(`(array_agg(id) FILTER (WHERE kind = '${kind}' AND active))[1]`);
  return Prisma.sql`
  rules AS (
    SELECT "schoolId",
           ${ruleId("CONSECUTIVE_UNJUSTIFIED")} AS c_id, ${rule("CONSECUTIVE_UNJUSTIFIED", "threshold")} AS c_n,
           ${ruleId("UNJUSTIFIED_RATE")} AS r_id, ${rule("UNJUSTIFIED_RATE", "threshold")} AS r_pct,
           coalesce(max("windowDays") FILTER (WHERE kind = 'UNJUSTIFIED_RATE'), ${DEFAULT_RATE_WINDOW}::int) AS r_win,
           ${ruleId("CHRONIC_TIER2")} AS t2_id, ${rule("CHRONIC_TIER2", "threshold")} AS t2_pct,
           ${ruleId("CHRONIC_TIER3")} AS t3_id, ${rule("CHRONIC_TIER3", "threshold")} AS t3_pct
      FROM alert_rule
     WHERE true ${schoolFilter(Prisma.sql`"schoolId"`)}
     GROUP BY "schoolId"
  ),
  sect AS (
    SELECT d."schoolId"::text || ':' || d.grade || ':' || d.section AS key, array_agg(d.date ORDER BY d.date) AS dates, count(*)::int AS n
      FROM attendance_day d
     WHERE true ${schoolFilter(Prisma.sql`d."schoolId"`)} ${sectionFilter}
     GROUP BY d."schoolId", d.grade, d.section
  ),
  -- Students in scope with their section's calendar and their school's rules.
  st AS (
    SELECT s.id AS sid, s."schoolId", sc.dates, sc.n, sc.dates[sc.n] AS last_day,
           r.c_id, r.c_n, r.r_id, r.r_pct, r.r_win, r.t2_id, r.t2_pct, r.t3_id, r.t3_pct
      FROM sect sc
      -- One key column rather than three: the planner has no statistics on the calendar's
      -- grouped columns and would multiply three default selectivities into "6 students".
      JOIN student s ON s."schoolId"::text || ':' || s.grade || ':' || s.section = sc.key
      JOIN rules r ON r."schoolId" = s."schoolId"
     WHERE s.status = 'ACTIVE' ${schoolFilter(Prisma.sql`s."schoolId"`)} ${studentFilter}
  ),
  -- Evidence already reviewed (dismissed or case opened) is not raised again.
  cov AS (
    SELECT al."studentId" AS sid,
           max(al."lastDate") FILTER (WHERE al.kind = 'CONSECUTIVE_UNJUSTIFIED') AS c_cov,
           max(al."lastDate") FILTER (WHERE al.kind = 'UNJUSTIFIED_RATE') AS r_cov,
           max(al."lastDate") FILTER (WHERE al.kind = 'CHRONIC_TIER2') AS t2_cov,
           max(al."lastDate") FILTER (WHERE al.kind = 'CHRONIC_TIER3') AS t3_cov
      FROM alert al
     WHERE al.status <> 'OPEN' AND al."lastDate" IS NOT NULL ${schoolFilter(Prisma.sql`al."schoolId"`)}
           ${scope.studentIds ? Prisma.sql`AND al."studentId" = ANY(${scope.studentIds}::uuid[])` : Prisma.empty}
     GROUP BY al."studentId"
  ),
  -- Absences on school days of the student's section (a row on another day is ignored), with
  -- the day's index in the calendar. Kept narrow: it is sorted for the runs.
  ab AS (
    SELECT st.sid, a.date, a.status = 'UNJUSTIFIED' AS unj, width_bucket(a.date, st.dates) AS pos,
           st.dates[greatest(st.n - st.r_win, 0) + 1] AS win_from,
           coalesce(cv.c_cov, '-infinity') AS c_cov, coalesce(cv.r_cov, '-infinity') AS r_cov,
           coalesce(cv.t2_cov, '-infinity') AS t2_cov, coalesce(cv.t3_cov, '-infinity') AS t3_cov
      FROM st
      JOIN attendance a ON a."studentId" = st.sid AND a.status IN ('UNJUSTIFIED', 'JUSTIFIED')
      LEFT JOIN cov cv ON cv.sid = st.sid
     WHERE st.dates[width_bucket(a.date, st.dates)] = a.date
  ),
  runs AS (
    SELECT sid, count(*) AS len, min(date) AS from_d, max(date) AS to_d
      FROM (SELECT sid, date, pos - row_number() OVER (PARTITION BY sid ORDER BY date) AS island
              FROM ab WHERE unj AND date > c_cov) x
     GROUP BY sid, island
  ),
  agg AS (
    SELECT sid, win_from, t2_cov, t3_cov,
           count(*) FILTER (WHERE unj AND date >= win_from AND date > r_cov) AS r_cnt,
           min(date) FILTER (WHERE unj AND date >= win_from AND date > r_cov) AS r_first,
           max(date) FILTER (WHERE unj AND date >= win_from AND date > r_cov) AS r_last,
           count(*) FILTER (WHERE date > t2_cov) AS t2_abs,
           count(*) FILTER (WHERE unj AND date > t2_cov) AS t2_unj,
           min(date) FILTER (WHERE date > t2_cov) AS t2_afirst,
           max(date) FILTER (WHERE date > t2_cov) AS t2_alast,
           count(*) FILTER (WHERE date > t3_cov) AS t3_abs,
           count(*) FILTER (WHERE unj AND date > t3_cov) AS t3_unj,
           min(date) FILTER (WHERE date > t3_cov) AS t3_afirst,
           max(date) FILTER (WHERE date > t3_cov) AS t3_alast
      FROM ab
     GROUP BY sid, win_from, t2_cov, t3_cov
  ),
  -- Chronic tiers count the school days from the student's first attendance row (a
  -- mid-term joiner is not absent before joining) or from the day after reviewed evidence;
  -- width_bucket(x, dates) = school days on or before x. Only students with absences get here.
  chronic AS (
    SELECT g.*, st."schoolId", st.last_day, st.t2_id, st.t2_pct, st.t3_id, st.t3_pct,
           st.n - width_bucket(greatest(f.first_day, g.t2_cov + 1) - 1, st.dates) AS t2_days,
           st.dates[width_bucket(greatest(f.first_day, g.t2_cov + 1) - 1, st.dates) + 1] AS t2_first,
           st.n - width_bucket(greatest(f.first_day, g.t3_cov + 1) - 1, st.dates) AS t3_days,
           st.dates[width_bucket(greatest(f.first_day, g.t3_cov + 1) - 1, st.dates) + 1] AS t3_first
      FROM agg g
      JOIN st ON st.sid = g.sid
      CROSS JOIN LATERAL (SELECT a.date AS first_day FROM attendance a WHERE a."studentId" = g.sid ORDER BY a.date LIMIT 1) f
     -- The period starts on or before its first counted absence, so the days from that
     -- absence bound the percentage from above: below the threshold even then, the student
     -- cannot fire and needs no look-up of the first attendance day.
     WHERE (st.t2_id IS NOT NULL AND g.t2_abs > 0 AND g.t2_abs * 100 >= st.t2_pct * (st.n - width_bucket(g.t2_afirst - 1, st.dates)))
        OR (st.t3_id IS NOT NULL AND g.t3_abs > 0 AND g.t3_abs * 100 >= st.t3_pct * (st.n - width_bucket(g.t3_afirst - 1, st.dates)))
  )`;
}

const day = (col: Prisma.Sql) => Prisma.sql`to_char(${col}, 'YYYY-MM-DD')`;

/** Chronic tier candidate; `t` is the tier's column prefix. */
function chronicSelect(kind: "CHRONIC_TIER2" | "CHRONIC_TIER3", t: "t2" | "t3", extra: Prisma.Sql): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`g.${t}_${name}`);
  return Prisma.sql`
  SELECT g."schoolId", g.sid, ${col("id")}, ${kind}::"AlertKind",
         jsonb_build_object('absences', ${col("abs")}, 'justified', ${col("abs")} - ${col("unj")}, 'unjustified', ${col("unj")},
                            'days', ${col("days")}, 'pct', (trunc(${col("abs")} * 1000.0 / ${col("days")}) / 10)::float8,
                            'threshold', ${col("pct")}, 'from', ${day(col("first"))}, 'to', ${day(Prisma.sql`g.last_day`)}),
         ${col("afirst")}, ${col("alast")}
    FROM chronic g
   WHERE ${col("id")} IS NOT NULL AND ${col("days")} >= ${CHRONIC_MIN_DAYS}::int AND ${col("abs")} > 0
     AND ${col("abs")} * 100 >= ${col("pct")} * ${col("days")} ${extra}`;
}

/** The candidate alerts as rows shaped like the alert table. */
const CANDIDATE_SELECT = Prisma.sql`
  SELECT * FROM (
    SELECT DISTINCT ON (ru.sid) st."schoolId", ru.sid AS "studentId", st.c_id AS "ruleId", 'CONSECUTIVE_UNJUSTIFIED'::"AlertKind" AS kind,
           jsonb_build_object('consecutive', ru.len, 'threshold', st.c_n, 'from', ${day(Prisma.sql`ru.from_d`)},
                              'to', ${day(Prisma.sql`ru.to_d`)}, 'ongoing', ru.to_d = st.last_day) AS figures,
           ru.from_d AS "firstDate", ru.to_d AS "lastDate"
      FROM runs ru JOIN st ON st.sid = ru.sid
     WHERE st.c_id IS NOT NULL AND ru.len >= st.c_n
     ORDER BY ru.sid, ru.to_d DESC
  ) consecutive
  UNION ALL
  SELECT st."schoolId", g.sid, st.r_id, 'UNJUSTIFIED_RATE'::"AlertKind",
         jsonb_build_object('unjustified', g.r_cnt, 'days', st.r_win, 'pct', (trunc(g.r_cnt * 1000.0 / st.r_win) / 10)::float8,
                            'threshold', st.r_pct, 'windowFrom', ${day(Prisma.sql`g.win_from`)}, 'windowTo', ${day(Prisma.sql`st.last_day`)}),
         g.r_first, g.r_last
    FROM agg g JOIN st ON st.sid = g.sid
   WHERE st.r_id IS NOT NULL AND g.r_cnt > 0 AND g.r_cnt * 100 >= st.r_pct * st.r_win
  UNION ALL ${chronicSelect("CHRONIC_TIER3", "t3", Prisma.empty)}
  UNION ALL ${chronicSelect("CHRONIC_TIER2", "t2", Prisma.sql`AND NOT (g.t3_id IS NOT NULL AND g.t2_abs * 100 >= g.t3_pct * g.t2_days)`)}`;

/** SELECT of the candidate alerts for the students in scope, without writing anything. */
export function candidatesSql(scope: ComputeScope): Prisma.Sql {
  return Prisma.sql`WITH ${candidateCtes(scope)} ${CANDIDATE_SELECT}`;
}

/**
 * The whole recompute in one statement: candidates, insert of the new ones (an open alert of
 * the same student and kind wins the "openKey" conflict and is kept with its original
 * figures), one audit entry per alert raised (no actor; `origin` is the system origin of
 * lib/audit/system-actor.ts), and the summary.
 */
export function recomputeSql(scope: ComputeScope, origin: string): Prisma.Sql {
  return Prisma.sql`
  WITH ${candidateCtes(scope)},
  cand AS MATERIALIZED (${CANDIDATE_SELECT}),
  ins AS (
    INSERT INTO alert ("schoolId", "studentId", "ruleId", kind, status, "openKey", figures, "firstDate", "lastDate")
    SELECT "schoolId", "studentId", "ruleId", kind, 'OPEN', "studentId"::text || ':' || kind::text, figures, "firstDate", "lastDate"
      FROM cand
    ON CONFLICT ("openKey") DO NOTHING
    RETURNING id, "schoolId", "studentId", "ruleId", kind
  ),
  -- A data-modifying CTE runs whether or not the final SELECT reads it.
  aud AS (
    INSERT INTO audit_log ("actorId", "actorRole", action, entity, "entityId", "schoolId", origin, details)
    SELECT NULL, NULL, ${auditAction("alert.raise")}, 'Alert', id::text, "schoolId", ${origin},
           jsonb_build_object('studentId', "studentId", 'kind', kind, 'ruleId', "ruleId")
      FROM ins
  )
  SELECT (SELECT count(DISTINCT "schoolId") FROM st)::int AS schools, (SELECT count(*) FROM st)::int AS students,
         (SELECT count(*) FROM cand)::int AS candidates, (SELECT count(*) FROM ins)::int AS opened`;
}
