-- The bulk attendance path (docs/decisions/016-bulk-attendance-import.md): the only way an
-- import's rows reach `attendance`.
--
--   attendance_stage_open()  creates this transaction's stage, pg_temp.attendance_stage
--     ("studentId", "date", "status"), dropped at commit and owned by the functions' owner: the
--     caller may add rows to it (INSERT, which COPY needs) and do nothing else with it;
--   attendance_insert_staged(school, actor, merge)  writes the stage into `attendance` as
--     attendance of one school and returns (inserted, updated, key_check).
--
-- Both run as their owner, the role that runs the migrations (SECURITY DEFINER, fixed
-- search_path with pg_temp last), and only permanencia_app may call them. The app role itself
-- can neither SET session_replication_role nor disable a trigger (decision 020); what it gets
-- here is one statement whose two foreign keys were checked set-based before their per-row
-- triggers are skipped:
--
-- When the owner may SET session_replication_role (a superuser, or GRANT SET ON PARAMETER
-- session_replication_role, PostgreSQL 15+) and `attendance` has no trigger besides those of
-- its two foreign keys:
--   * attendance_studentId_schoolId_fkey: every staged student is locked FOR KEY SHARE as a
--     student of p_school (the lock the key's own per-row check takes: until commit nobody can
--     delete that student or change its id or school) and the number locked must equal the
--     number of staged students; one statement, one join;
--   * attendance_recordedById_fkey: the recording user, when there is one, likewise.
-- A missing one refuses the whole call with the key's name, as the key would. Then
-- session_replication_role is `replica` for the INSERT alone and restored (an error undoes it
-- with the transaction or savepoint). Otherwise (no privilege, or any other trigger: one added
-- later must never be skipped) the insert runs with triggers on and PostgreSQL checks each row.
--
-- p_merge false: plain INSERT (a row that already exists is a unique violation; the caller
-- rolls back to a savepoint and merges instead); true: first an UPDATE of the stored days of
-- p_school whose status differs (row triggers on), then INSERT … ON CONFLICT DO NOTHING.
-- The rows go in in the stage's physical order: the caller stages them grouped by student in
-- the order of their ids, which keeps the inserts into the primary key's index local.

-- A database that ran an earlier draft of this path has the function with another result.
DROP FUNCTION IF EXISTS "attendance_insert_staged"(uuid, uuid, boolean);

CREATE FUNCTION "attendance_stage_open"() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  CREATE TEMP TABLE attendance_stage (
    "studentId" uuid NOT NULL,
    "date" date NOT NULL,
    "status" public."AttendanceStatus" NOT NULL
  ) ON COMMIT DROP;
  GRANT INSERT ON pg_temp.attendance_stage TO permanencia_app;
END $$;

CREATE FUNCTION "attendance_insert_staged"(p_school uuid, p_actor uuid, p_merge boolean)
RETURNS TABLE (inserted bigint, updated bigint, key_check text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  previous_role text := current_setting('session_replication_role');
  set_based boolean;
  missing bigint;
BEGIN
  -- Only a stage made by attendance_stage_open is read: a relation of the caller's own (a
  -- view, rules, row security) would run the caller's code with this function's rights.
  IF NOT EXISTS (
    SELECT 1 FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
     WHERE c.oid = to_regclass('pg_temp.attendance_stage') AND c.relkind = 'r' AND r.rolname = current_user) THEN
    RAISE EXCEPTION 'attendance_insert_staged reads only a stage made by attendance_stage_open() in this transaction'
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  ANALYZE pg_temp.attendance_stage;

  -- Only the triggers of the two keys checked below may be skipped: any other (a trigger
  -- someone adds, a third key, a deferrable unique check) keeps the per-row path.
  set_based := has_parameter_privilege('session_replication_role', 'SET')
    AND NOT EXISTS (
      SELECT 1 FROM pg_trigger t
       WHERE t.tgrelid = 'public.attendance'::regclass
         AND t.tgconstraint NOT IN (
           SELECT c.oid FROM pg_constraint c
            WHERE c.conrelid = 'public.attendance'::regclass AND c.contype = 'f'
              AND c.conname IN ('attendance_studentId_schoolId_fkey', 'attendance_recordedById_fkey')));

  updated := 0;
  IF p_merge THEN
    UPDATE public."attendance" a SET "status" = s."status", "recordedById" = p_actor, "recordedAt" = now()
      FROM pg_temp.attendance_stage s
     WHERE a."studentId" = s."studentId" AND a."date" = s."date" AND a."schoolId" = p_school
       AND a."status" IS DISTINCT FROM s."status";
    GET DIAGNOSTICS updated = ROW_COUNT;
  END IF;

  IF set_based THEN
    WITH staged AS (SELECT DISTINCT s."studentId" FROM pg_temp.attendance_stage s),
         locked AS (
           SELECT st."id" FROM public."student" st JOIN staged ON staged."studentId" = st."id"
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
      PERFORM 1 FROM public."app_user" u WHERE u."id" = p_actor FOR KEY SHARE;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'insert or update on table "attendance" violates foreign key constraint "attendance_recordedById_fkey"'
          USING ERRCODE = 'foreign_key_violation', SCHEMA = 'public', TABLE = 'attendance',
                CONSTRAINT = 'attendance_recordedById_fkey',
                DETAIL = format('Key ("recordedById")=(%s) is not present in table "app_user".', p_actor);
      END IF;
    END IF;
    PERFORM set_config('session_replication_role', 'replica', true);
  END IF;

  IF p_merge THEN
    INSERT INTO public."attendance" ("studentId", "date", "schoolId", "status", "recordedById")
    SELECT s."studentId", s."date", p_school, s."status", p_actor FROM pg_temp.attendance_stage s
    ON CONFLICT ("studentId", "date") DO NOTHING;
  ELSE
    INSERT INTO public."attendance" ("studentId", "date", "schoolId", "status", "recordedById")
    SELECT s."studentId", s."date", p_school, s."status", p_actor FROM pg_temp.attendance_stage s;
  END IF;
  GET DIAGNOSTICS inserted = ROW_COUNT;

  IF set_based THEN
    PERFORM set_config('session_replication_role', previous_role, true);
  END IF;
  key_check := CASE WHEN set_based THEN 'set' ELSE 'row' END;
  RETURN NEXT;
END $$;

REVOKE ALL ON FUNCTION "attendance_stage_open"() FROM PUBLIC;
REVOKE ALL ON FUNCTION "attendance_insert_staged"(uuid, uuid, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "attendance_stage_open"() TO permanencia_app;
GRANT EXECUTE ON FUNCTION "attendance_insert_staged"(uuid, uuid, boolean) TO permanencia_app;
