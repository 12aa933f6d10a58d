import type pg from "pg";

// UGEL-scale data for the alerts benchmark, generated inside PostgreSQL: 40 schools of 1,250
// students (5 grades × 5 sections of 50), 60 school days per section out of 64 weekdays (each
// section loses 4 different days), ≈3,000,000 attendance rows. Absence is skewed like a real
// population: most students rarely miss, a few miss often, some have a run of unjustified
// absences, and a few join mid-term.

export const SCHOOLS = 40;
export const STUDENTS_PER_SCHOOL = 1250;
export const FIRST_DAY = "2026-08-03"; // a Monday
const WEEKDAYS = 64;

export async function generateBenchData(
  client: pg.Client,
): Promise<{ students: number; attendance: number; days: number }> {
  await client.query(`SELECT setseed(0.42)`);
  await client.query(
    `INSERT INTO school ("codigoModular", name, region, province, district)
     SELECT (3000000 + g)::text, 'IE Bench ' || g, 'Lima', 'Lima', 'Lima' FROM generate_series(1, $1::int) g`,
    [SCHOOLS],
  );
  await client.query(
    `INSERT INTO student ("schoolId", "documentType", "documentNumber", "paternalSurname", "givenNames", sex, grade, section)
     SELECT sc.id, 'DNI', lpad((sc.n * 100000 + i)::text, 8, '0'), 'Apellido ' || i, 'Nombre', (CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END)::"Sex",
            1 + (i % 25) / 5, chr(65 + i % 5)
       FROM (SELECT id, row_number() OVER (ORDER BY "codigoModular") AS n FROM school) sc
      CROSS JOIN generate_series(0, $1::int - 1) i`,
    [STUDENTS_PER_SCHOOL],
  );
  // Weekdays from FIRST_DAY; each section skips the 4 weekdays where (idx + its hash) % 16 = 0.
  await client.query(
    `INSERT INTO attendance_day ("schoolId", grade, section, date)
     SELECT sec."schoolId", sec.grade, sec.section, w.date
       FROM (SELECT DISTINCT "schoolId", grade, section FROM student) sec
      CROSS JOIN (SELECT d::date AS date, row_number() OVER (ORDER BY d) - 1 AS idx
                    FROM generate_series($1::date, $1::date + 120, interval '1 day') d
                   WHERE extract(isodow FROM d) < 6 LIMIT $2) w
      WHERE (w.idx + abs(hashtext(sec."schoolId"::text || sec.grade || sec.section))) % 16 <> 0`,
    [FIRST_DAY, WEEKDAYS],
  );
  await client.query(`
    CREATE TEMP TABLE bench_profile AS
    SELECT s.id, s."schoolId", s.grade, s.section,
           CASE WHEN r < 0.75 THEN 0.015 WHEN r < 0.92 THEN 0.05 WHEN r < 0.98 THEN 0.12 ELSE 0.30 END AS p,
           CASE WHEN random() < 0.06 THEN floor(random() * 58)::int END AS run_start,
           2 + floor(random() * 4)::int AS run_len,
           CASE WHEN random() < 0.03 THEN floor(random() * 40)::int ELSE 0 END AS join_idx
      FROM (SELECT s.*, random() AS r FROM student s) s`);
  await client.query(`
    INSERT INTO attendance ("studentId", date, "schoolId", status)
    SELECT p.id, d.date, p."schoolId",
           (CASE WHEN d.idx BETWEEN p.run_start AND p.run_start + p.run_len - 1 THEN 'UNJUSTIFIED'
                 WHEN d.x < p.p * 0.6 THEN 'UNJUSTIFIED'
                 WHEN d.x < p.p THEN 'JUSTIFIED'
                 WHEN d.x < p.p + 0.03 THEN 'LATE'
                 ELSE 'PRESENT' END)::"AttendanceStatus"
      FROM bench_profile p
      JOIN (SELECT d.*, row_number() OVER (PARTITION BY "schoolId", grade, section ORDER BY date) - 1 AS idx, random() AS x
              FROM attendance_day d) d
        ON (d."schoolId", d.grade, d.section) = (p."schoolId", p.grade, p.section)
     WHERE d.idx >= p.join_idx`);
  // As autovacuum would leave it: statistics, hint bits and the visibility map in place.
  await client.query(`VACUUM (ANALYZE)`);
  const counts = await client.query<{ students: number; attendance: number; days: number }>(
    `SELECT (SELECT count(*) FROM student)::int AS students, (SELECT count(*) FROM attendance)::int AS attendance,
            (SELECT count(*) FROM attendance_day)::int AS days`,
  );
  return counts.rows[0];
}

/** One more school day for every section of a school, with the same absence profile. */
export async function addSchoolDay(
  client: pg.Client,
  schoolId: string,
): Promise<{ date: string; studentIds: string[] }> {
  const next = await client.query<{ date: string }>(
    `SELECT to_char(d, 'YYYY-MM-DD') AS date
       FROM generate_series((SELECT max(date) + 1 FROM attendance_day WHERE "schoolId" = $1), (SELECT max(date) + 7 FROM attendance_day WHERE "schoolId" = $1), interval '1 day') d
      WHERE extract(isodow FROM d) < 6 ORDER BY d LIMIT 1`,
    [schoolId],
  );
  const date = next.rows[0].date;
  await client.query(
    `INSERT INTO attendance_day ("schoolId", grade, section, date)
     SELECT DISTINCT "schoolId", grade, section, $2::date FROM student WHERE "schoolId" = $1`,
    [schoolId, date],
  );
  const rows = await client.query<{ studentId: string }>(
    `INSERT INTO attendance ("studentId", date, "schoolId", status)
     SELECT p.id, $2::date, p."schoolId",
            (CASE WHEN x < p.p * 0.6 THEN 'UNJUSTIFIED' WHEN x < p.p THEN 'JUSTIFIED' WHEN x < p.p + 0.03 THEN 'LATE' ELSE 'PRESENT' END)::"AttendanceStatus"
       FROM (SELECT bp.*, random() AS x FROM bench_profile bp WHERE bp."schoolId" = $1) p
     RETURNING "studentId"`,
    [schoolId, date],
  );
  await client.query(`ANALYZE attendance_day`);
  return { date, studentIds: rows.rows.map((r) => r.studentId) };
}
