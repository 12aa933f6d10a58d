// Hand-written single statements computing the same alert set as the engine on the bench's
// state (default rules, no reviewed alerts yet), written independently of lib/alerts so the
// benchmark also cross-checks the engine. Each returns the candidate rows
// (sid, kind, first_date, last_date); the bench wraps them in a digest.

/**
 * Textbook formulation: every (student, school day) pair joined to the student's attendance,
 * window functions over the dense grid (gaps-and-islands on the running count of non-U days).
 */
export const DENSE_REFERENCE = `
WITH st AS (
  SELECT s.id, s."schoolId", s.grade, s.section, f.first_day
    FROM student s CROSS JOIN LATERAL (SELECT min(a.date) AS first_day FROM attendance a WHERE a."studentId" = s.id) f
   WHERE s.status = 'ACTIVE' AND f.first_day IS NOT NULL
),
sd AS (
  SELECT d."schoolId", d.grade, d.section, d.date,
         row_number() OVER (PARTITION BY d."schoolId", d.grade, d.section ORDER BY d.date DESC) AS back
    FROM attendance_day d
),
days AS (
  SELECT st.id AS sid, sd.date, sd.back, a.status
    FROM st
    JOIN sd ON (sd."schoolId", sd.grade, sd.section) = (st."schoolId", st.grade, st.section) AND sd.date >= st.first_day
    LEFT JOIN attendance a ON a."studentId" = st.id AND a.date = sd.date
),
marked AS (
  SELECT sid, date, status, count(*) FILTER (WHERE status IS DISTINCT FROM 'UNJUSTIFIED') OVER (PARTITION BY sid ORDER BY date) AS grp
    FROM days
),
runs AS (
  SELECT sid, count(*) AS len, min(date) AS from_d, max(date) AS to_d FROM marked WHERE status = 'UNJUSTIFIED' GROUP BY sid, grp
),
per AS (
  SELECT sid, count(*) AS n,
         count(*) FILTER (WHERE status IN ('UNJUSTIFIED', 'JUSTIFIED')) AS abs_n,
         min(date) FILTER (WHERE status IN ('UNJUSTIFIED', 'JUSTIFIED')) AS a_first,
         max(date) FILTER (WHERE status IN ('UNJUSTIFIED', 'JUSTIFIED')) AS a_last,
         count(*) FILTER (WHERE status = 'UNJUSTIFIED' AND back <= 20) AS r_n,
         min(date) FILTER (WHERE status = 'UNJUSTIFIED' AND back <= 20) AS r_first,
         max(date) FILTER (WHERE status = 'UNJUSTIFIED' AND back <= 20) AS r_last
    FROM days GROUP BY sid
)
SELECT * FROM (SELECT DISTINCT ON (sid) sid, 'CONSECUTIVE_UNJUSTIFIED' AS kind, from_d AS first_date, to_d AS last_date
                 FROM runs WHERE len >= 3 ORDER BY sid, to_d DESC) c
UNION ALL SELECT sid, 'UNJUSTIFIED_RATE', r_first, r_last FROM per WHERE r_n > 0 AND r_n * 100 >= 10 * 20
UNION ALL SELECT sid, 'CHRONIC_TIER3', a_first, a_last FROM per WHERE n >= 10 AND abs_n > 0 AND abs_n * 100 >= 20 * n
UNION ALL SELECT sid, 'CHRONIC_TIER2', a_first, a_last FROM per WHERE n >= 10 AND abs_n > 0 AND abs_n * 100 >= 10 * n AND abs_n * 100 < 20 * n`;

/**
 * Sparse formulation with the rules as constants: only absence rows are read (presence is the
 * absence of an absence); runs are islands of the section's day index; day counts come from
 * the section calendar. The lower bound the engine is measured against.
 */
export const SPARSE_REFERENCE = `
WITH st AS (
  SELECT s.id, s."schoolId", s.grade, s.section, f.first_day
    FROM student s CROSS JOIN LATERAL (SELECT min(a.date) AS first_day FROM attendance a WHERE a."studentId" = s.id) f
   WHERE s.status = 'ACTIVE' AND f.first_day IS NOT NULL
),
sec AS (
  SELECT d."schoolId", d.grade, d.section, d.date,
         row_number() OVER (PARTITION BY d."schoolId", d.grade, d.section ORDER BY d.date) AS pos,
         count(*) OVER (PARTITION BY d."schoolId", d.grade, d.section) AS n
    FROM attendance_day d
),
ab AS (
  SELECT st.id AS sid, a.date, a.status = 'UNJUSTIFIED' AS unj, sec.pos, sec.n
    FROM st
    JOIN attendance a ON a."studentId" = st.id AND a.status IN ('UNJUSTIFIED', 'JUSTIFIED')
    JOIN sec ON (sec."schoolId", sec.grade, sec.section, sec.date) = (st."schoolId", st.grade, st.section, a.date)
),
runs AS (
  SELECT sid, count(*) AS len, min(date) AS from_d, max(date) AS to_d
    FROM (SELECT sid, date, pos - row_number() OVER (PARTITION BY sid ORDER BY date) AS island FROM ab WHERE unj) x
   GROUP BY sid, island
),
firsts AS (
  SELECT DISTINCT st."schoolId", st.grade, st.section, st.first_day FROM st
),
span AS (
  SELECT f.*, count(sec.date) AS days FROM firsts f
    JOIN sec ON (sec."schoolId", sec.grade, sec.section) = (f."schoolId", f.grade, f.section) AND sec.date >= f.first_day
   GROUP BY 1, 2, 3, 4
),
per AS (
  SELECT ab.sid, max(sp.days) AS n, count(*) AS abs_n, min(ab.date) AS a_first, max(ab.date) AS a_last,
         count(*) FILTER (WHERE ab.unj AND ab.pos > ab.n - 20) AS r_n,
         min(ab.date) FILTER (WHERE ab.unj AND ab.pos > ab.n - 20) AS r_first,
         max(ab.date) FILTER (WHERE ab.unj AND ab.pos > ab.n - 20) AS r_last
    FROM ab JOIN st ON st.id = ab.sid
    JOIN span sp ON (sp."schoolId", sp.grade, sp.section, sp.first_day) = (st."schoolId", st.grade, st.section, st.first_day)
   GROUP BY ab.sid
)
SELECT * FROM (SELECT DISTINCT ON (sid) sid, 'CONSECUTIVE_UNJUSTIFIED' AS kind, from_d AS first_date, to_d AS last_date
                 FROM runs WHERE len >= 3 ORDER BY sid, to_d DESC) c
UNION ALL SELECT sid, 'UNJUSTIFIED_RATE', r_first, r_last FROM per WHERE r_n > 0 AND r_n * 100 >= 10 * 20
UNION ALL SELECT sid, 'CHRONIC_TIER3', a_first, a_last FROM per WHERE n >= 10 AND abs_n * 100 >= 20 * n
UNION ALL SELECT sid, 'CHRONIC_TIER2', a_first, a_last FROM per WHERE n >= 10 AND abs_n * 100 >= 10 * n AND abs_n * 100 < 20 * n`;

/** Count and order-independent digest of a candidate set, for comparing engines. */
export function digestSql(candidates: string): string {
  return `SELECT count(*)::int AS n,
                 md5(coalesce(string_agg(sid::text || ':' || kind || ':' || first_date || ':' || last_date, ',' ORDER BY sid, kind), '')) AS digest
            FROM (${candidates}) c`;
}

/** The engine's open alerts, in the same shape. */
export const ENGINE_ALERTS = `SELECT "studentId" AS sid, kind::text AS kind, "firstDate" AS first_date, "lastDate" AS last_date FROM alert WHERE status = 'OPEN'`;

/**
 * The sparse statement writing what the engine writes (one alert row per candidate, with its
 * school, rule, open key, figures and dates): the same job as a recompute, in one statement.
 */
export const SPARSE_INSERT = `
INSERT INTO alert ("schoolId", "studentId", "ruleId", kind, "openKey", figures, "firstDate", "lastDate")
SELECT s."schoolId", c.sid, r.id, c.kind::"AlertKind", c.sid::text || ':' || c.kind,
       jsonb_build_object('from', to_char(c.first_date, 'YYYY-MM-DD'), 'to', to_char(c.last_date, 'YYYY-MM-DD')), c.first_date, c.last_date
  FROM (${SPARSE_REFERENCE}) c
  JOIN student s ON s.id = c.sid
  JOIN alert_rule r ON r."schoolId" = s."schoolId" AND r.kind = c.kind::"AlertKind"
ON CONFLICT ("openKey") DO NOTHING`;
