-- The bulk attendance path (docs/decisions/016-bulk-attendance-import.md).
--
-- Inserts the rows an import staged in its session's temporary table
-- pg_temp.attendance_stage ("studentId", "date", "status") as attendance of one school, and
-- is the only way those rows reach `attendance`.
--
-- When the session may skip row triggers (superuser, or GRANT SET ON PARAMETER
-- session_replication_role) and `attendance` has no trigger besides those of its two foreign
-- keys, the two keys are checked set-based, then the insert runs with triggers off:
--   * attendance_studentId_schoolId_fkey: every staged student is locked FOR KEY SHARE as a
--     student of p_school (the lock the key's own per-row check takes: until commit nobody can
--     delete that student or change its id or school) and the number locked must equal the
--     number of staged students; one statement, one join;
--   * attendance_recordedById_fkey: the recording user, when there is one, likewise.
-- A missing student refuses the whole statement with the key's name, as the key would.
-- Otherwise (no privilege, or any other trigger: one added later must never be skipped) the
-- insert runs with triggers on and PostgreSQL checks each row, as for any other writer.
--
-- p_on_conflict false: plain INSERT (a row that already exists is a unique violation; the
-- caller rolls back to a savepoint and merges instead); true: ON CONFLICT DO NOTHING.
-- The rows go in in the stage's physical order: the caller stages them grouped by student in
-- the order of their ids, which keeps the inserts into the primary key's index local.
CREATE FUNCTION "attendance_insert_staged"(p_school uuid, p_actor uuid, p_on_conflict boolean)
RETURNS TABLE (inserted bigint, key_check text) AS $$
DECLARE
  previous_role text := current_setting('session_replication_role');
  -- Only the triggers of the two keys checked below may be skipped: any other (a trigger
  -- someone adds, a third key, a deferrable unique check) keeps the per-row path.
  set_based boolean := has_parameter_privilege('session_replication_role', 'SET')
    AND NOT EXISTS (
      SELECT 1 FROM pg_trigger t
       WHERE t.tgrelid = 'attendance'::regclass
         AND t.tgconstraint NOT IN (
           SELECT c.oid FROM pg_constraint c
            WHERE c.conrelid = 'attendance'::regclass AND c.contype = 'f'
              AND c.conname IN ('attendance_studentId_schoolId_fkey', 'attendance_recordedById_fkey')));
  missing bigint;
BEGIN
  IF set_based THEN
    WITH staged AS (SELECT DISTINCT s."studentId" FROM pg_temp.attendance_stage s),
         locked AS (
           SELECT st."id" FROM "student" st JOIN staged ON staged."studentId" = st."id"
            WHERE st."schoolId" = p_school
              FOR KEY SHARE OF st)
    SELECT (SELECT count(*) FROM staged) - (SELECT count(*) FROM locked) INTO missing;
    IF missing > 0 THEN
      RAISE EXCEPTION 'insert or update on table "attendance" violates foreign key constraint "attendance_studentId_schoolId_fkey"'
        USING ERRCODE = 'foreign_key_violation', SCHEMA = 'public', TABLE = 'attendance',
              CONSTRAINT = 'attendance_studentId_schoolId_fkey',
              DETAIL = format('%s staged students are not students of school %s.', missing, p_school);
    END IF;
    IF p_actor IS NOT NULL THEN
      PERFORM 1 FROM "app_user" u WHERE u."id" = p_actor FOR KEY SHARE;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'insert or update on table "attendance" violates foreign key constraint "attendance_recordedById_fkey"'
          USING ERRCODE = 'foreign_key_violation', SCHEMA = 'public', TABLE = 'attendance',
                CONSTRAINT = 'attendance_recordedById_fkey',
                DETAIL = format('Key ("recordedById")=(%s) is not present in table "app_user".', p_actor);
      END IF;
    END IF;
    PERFORM set_config('session_replication_role', 'replica', true);
  END IF;

  IF p_on_conflict THEN
    INSERT INTO "attendance" ("studentId", "date", "schoolId", "status", "recordedById")
    SELECT s."studentId", s."date", p_school, s."status", p_actor FROM pg_temp.attendance_stage s
    ON CONFLICT ("studentId", "date") DO NOTHING;
  ELSE
    INSERT INTO "attendance" ("studentId", "date", "schoolId", "status", "recordedById")
    SELECT s."studentId", s."date", p_school, s."status", p_actor FROM pg_temp.attendance_stage s;
  END IF;
  GET DIAGNOSTICS inserted = ROW_COUNT;

  IF set_based THEN
    PERFORM set_config('session_replication_role', previous_role, true);
  END IF;
  key_check := CASE WHEN set_based THEN 'set' ELSE 'row' END;
  RETURN NEXT;
END $$ LANGUAGE plpgsql;
