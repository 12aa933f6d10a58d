import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { saveAttendance } from "../../lib/attendance/take-attendance";
import type { SessionUser } from "../../lib/auth/types";
import { AppError } from "../../lib/errors/app-error";
import { openAttendanceStage } from "../../lib/imports/attendance-merge";
import { importAttendanceForSchool } from "../../lib/system/import-attendance-core";
import { withDatabase } from "../helpers/global-setup";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The bulk attendance path (docs/decisions/016-bulk-attendance-import.md): staged rows reach
// `attendance` only through attendance_insert_staged, which runs as the tables' owner, checks
// both keys set-based and skips PostgreSQL's per-row checks only where it may. Whatever the
// path, a row naming an unknown student or a student of another school never lands, nothing
// else waits for it, and the app role gains no way to skip a trigger itself. The code under
// test and every call of the functions run as the app role; DDL runs as the owner or the
// cluster's superuser.

let t: TestDatabase;
let client: pg.Client;
const school = { A: "", B: "" };
const studentsA: { id: string; dni: string }[] = [];
let studentB: { id: string; dni: string };
let tutor: SessionUser;

const FK = "23503";
const PERMISSION_DENIED = "42501";
type PgError = { code?: string; constraint?: string };

async function inRollback<T>(work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    return await work();
  } finally {
    await client.query("ROLLBACK");
  }
}

/** Stages (studentId, date, status) rows in this transaction's attendance_stage. */
async function stage(c: pg.Client, rows: [string, string, string][]) {
  await openAttendanceStage(c);
  await addToStage(c, rows);
}

async function addToStage(c: pg.Client, rows: [string, string, string][]) {
  await c.query(
    `INSERT INTO attendance_stage ("studentId", "date", "status")
     SELECT * FROM unnest($1::uuid[], $2::date[], $3::"AttendanceStatus"[])`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
  );
}

async function insertStaged(c: pg.Client, schoolId: string, actor: string | null = null, merge = false) {
  const { rows } = await c.query<{ inserted: string; key_check: string }>(
    `SELECT inserted, key_check FROM attendance_insert_staged($1, $2, $3)`,
    [schoolId, actor, merge],
  );
  return { inserted: Number(rows[0].inserted), keyCheck: rows[0].key_check };
}

async function failure(work: Promise<unknown>): Promise<PgError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  return error as PgError;
}

/** The error of `sql` on the app connection, inside a savepoint so the transaction goes on. */
async function refusedInSavepoint(sql: string): Promise<PgError> {
  await client.query("SAVEPOINT r");
  const error = await failure(client.query(sql));
  await client.query("ROLLBACK TO SAVEPOINT r");
  return error;
}

const count = async (c: pg.Client = client) =>
  Number((await c.query(`SELECT count(*) AS n FROM attendance`)).rows[0].n);

/** SQL as the cluster's superuser on this test's database (roles, changing a function's owner). */
async function asAdmin(sql: string) {
  const admin = new pg.Client({
    connectionString: withDatabase(inject("pgAdminUrl"), new URL(t.url).pathname.slice(1)),
  });
  await admin.connect();
  try {
    return await admin.query(sql);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  client = new pg.Client({ connectionString: t.url });
  await client.connect();
  const place = { region: "La Libertad", province: "Trujillo", district: "Trujillo" };
  school.A = (await t.db.school.create({ data: { codigoModular: "1100001", name: "IE A", ...place } })).id;
  school.B = (await t.db.school.create({ data: { codigoModular: "1100002", name: "IE B", ...place } })).id;
  const student = async (schoolId: string, dni: string) => {
    const s = await t.db.student.create({
      data: {
        schoolId,
        documentType: "DNI",
        documentNumber: dni,
        paternalSurname: "Quispe",
        givenNames: "Ana",
        sex: "F",
        grade: 1,
        section: "A",
      },
    });
    return { id: s.id, dni };
  };
  for (const dni of ["70000001", "70000002", "70000003"]) studentsA.push(await student(school.A, dni));
  studentB = await student(school.B, "80000001");
  const user = await t.db.user.create({
    data: {
      email: "tutora@test.pe",
      name: "Tutora",
      passwordHash: "x",
      role: "TUTOR",
      schools: { create: { schoolId: school.A } },
    },
  });
  tutor = {
    id: user.id,
    email: user.email,
    name: user.name,
    role: "TUTOR",
    locale: "es",
    schoolIds: [school.A],
    agencyId: null,
    agencyType: null,
  };
});
afterAll(async () => {
  await client.end();
  await t.drop();
});

describe("[IMPORT] a file naming a student the school does not have is refused whole", () => {
  const file = (lines: string[]) => ({
    fileName: "asistencia.csv",
    bytes: new TextEncoder().encode(["DNI;Fecha;Estado", ...lines].join("\n")),
  });
  const schoolA = () => ({ id: school.A, codigoModular: "1100001", name: "IE A" });

  it.each([
    ["a student of another school", "80000001"],
    ["an unknown document", "99999999"],
  ])("%s", async (_, dni) => {
    const before = [await count(), await t.db.auditLog.count()];
    const error = await importAttendanceForSchool(
      schoolA(),
      null,
      file(["70000001;02/03/2026;P", `${dni};02/03/2026;F`, "70000002;02/03/2026;P"]),
      { via: "cli" },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues).toEqual([
      { row: 3, column: "DNI", message: `Documento ${dni} no pertenece a un estudiante de este colegio.` },
    ]);
    expect([await count(), await t.db.auditLog.count()]).toEqual(before);
  });

  it("a good file goes in with its keys checked set-based, and the audit entry says so", async () => {
    const result = await importAttendanceForSchool(
      schoolA(),
      null,
      file(["70000001;03/03/2026;P", "70000002;03/03/2026;F"]),
      {
        via: "cli",
      },
    );
    expect(result).toMatchObject({ inserted: 2, updated: 0 });
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "attendance.import" } });
    expect(entry.details).toMatchObject({ method: "direct", keyCheck: "set" });
  });
});

describe("[CONSTRAINTS] the database refuses the row whatever the path", () => {
  it("a direct INSERT naming a student of another school or an unknown student is refused by the key", async () => {
    for (const studentId of [studentB.id, randomUUID()]) {
      const error = await inRollback(() =>
        failure(
          client.query(
            `INSERT INTO attendance ("studentId", date, "schoolId", status) VALUES ($1, '2026-03-04', $2, 'PRESENT')`,
            [studentId, school.A],
          ),
        ),
      );
      expect(error).toMatchObject({ code: FK, constraint: "attendance_studentId_schoolId_fkey" });
    }
  });

  it.each([
    ["a student of another school", () => studentB.id],
    ["an unknown student", () => randomUUID()],
  ])(
    "the app role calling attendance_insert_staged itself is refused the whole stage when one row names %s",
    async (_, bad) => {
      const before = await count();
      await inRollback(async () => {
        await stage(client, [
          [studentsA[0].id, "2026-03-05", "PRESENT"],
          [bad(), "2026-03-05", "LATE"],
          [studentsA[1].id, "2026-03-05", "PRESENT"],
        ]);
        for (const merge of [false, true]) {
          await client.query("SAVEPOINT s");
          const error = await failure(insertStaged(client, school.A, null, merge));
          expect(error).toMatchObject({ code: FK, constraint: "attendance_studentId_schoolId_fkey" });
          await client.query("ROLLBACK TO SAVEPOINT s");
          expect(await count()).toBe(before);
        }
      });
    },
  );

  it("attendance_insert_staged refuses a recording user that does not exist", async () => {
    const error = await inRollback(async () => {
      await stage(client, [[studentsA[0].id, "2026-03-05", "PRESENT"]]);
      return failure(insertStaged(client, school.A, randomUUID()));
    });
    expect(error).toMatchObject({ code: FK, constraint: "attendance_recordedById_fkey" });
  });

  it("rows it inserted set-based pass PostgreSQL's own validation of both keys, and the app role gains no power to skip a trigger", async () => {
    await client.query("BEGIN");
    try {
      await stage(client, [
        [studentsA[0].id, "2026-03-06", "PRESENT"],
        [studentsA[2].id, "2026-03-06", "UNJUSTIFIED"],
      ]);
      expect(await insertStaged(client, school.A, tutor.id)).toEqual({ inserted: 2, keyCheck: "set" });
      expect((await client.query(`SHOW session_replication_role`)).rows[0].session_replication_role).toBe("origin");
      expect(await refusedInSavepoint(`SET session_replication_role = replica`)).toMatchObject({
        code: PERMISSION_DENIED,
      });
      expect(await refusedInSavepoint(`ALTER TABLE attendance DISABLE TRIGGER ALL`)).toMatchObject({
        code: PERMISSION_DENIED,
      });
      // A later row in the same transaction is checked by the keys again.
      expect(
        await refusedInSavepoint(
          `INSERT INTO attendance ("studentId", date, "schoolId", status) VALUES ('${studentB.id}', '2026-03-09', '${school.A}', 'PRESENT')`,
        ),
      ).toMatchObject({ code: FK });
      await client.query("COMMIT");
    } finally {
      await client.query("ROLLBACK").catch(() => {});
    }
    // Twins of both keys, checked by PostgreSQL over every stored row (and dropped again).
    await t.asOwner(`BEGIN;
      ALTER TABLE attendance
        ADD CONSTRAINT twin_student FOREIGN KEY ("studentId", "schoolId") REFERENCES student (id, "schoolId") NOT VALID,
        ADD CONSTRAINT twin_user FOREIGN KEY ("recordedById") REFERENCES app_user (id) NOT VALID;
      ALTER TABLE attendance VALIDATE CONSTRAINT twin_student, VALIDATE CONSTRAINT twin_user;
      ROLLBACK`);
    expect(await t.db.attendance.count({ where: { date: new Date("2026-03-06T00:00:00Z") } })).toBe(2);
  });

  it("a failed insert rolled back to its savepoint leaves the row triggers on", async () => {
    await inRollback(async () => {
      await client.query(
        `INSERT INTO attendance ("studentId", date, "schoolId", status) VALUES ($1, '2026-03-10', $2, 'PRESENT')`,
        [studentsA[0].id, school.A],
      );
      await stage(client, [[studentsA[0].id, "2026-03-10", "LATE"]]);
      await client.query("SAVEPOINT s");
      expect(await failure(insertStaged(client, school.A))).toMatchObject({ code: "23505" });
      await client.query("ROLLBACK TO SAVEPOINT s");
      expect((await client.query(`SHOW session_replication_role`)).rows[0].session_replication_role).toBe("origin");
    });
  });

  it("both functions run as the owner with a fixed search path, and only the app role may call them", async () => {
    const { rows } = await t.asOwner(`
      SELECT p.proname AS name, pg_get_userbyid(p.proowner) AS owner, p.prosecdef AS definer, p.proconfig AS config,
             EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0) AS public,
             has_function_privilege('permanencia_app', p.oid, 'EXECUTE') AS app
        FROM pg_proc p WHERE p.proname IN ('attendance_stage_open', 'attendance_insert_staged') ORDER BY p.proname`);
    const expected = {
      owner: "permanencia_owner",
      definer: true,
      config: ["search_path=public, pg_temp"],
      public: false,
      app: true,
    };
    expect(rows).toEqual([
      { name: "attendance_insert_staged", ...expected },
      { name: "attendance_stage_open", ...expected },
    ]);
    // The owner, not the app role, may set the parameter (granted by the cluster's superuser).
    const may =
      await t.asOwner(`SELECT has_parameter_privilege('permanencia_owner', 'session_replication_role', 'SET') AS owner,
                                        has_parameter_privilege('permanencia_app', 'session_replication_role', 'SET') AS app`);
    expect(may.rows[0]).toEqual({ owner: true, app: false });
  });

  it.each([
    [
      "a table of its own, readable by the owner",
      `CREATE TEMP TABLE attendance_stage ("studentId" uuid, "date" date, "status" "AttendanceStatus");
       GRANT SELECT ON attendance_stage TO permanencia_owner`,
    ],
    [
      "a view",
      `CREATE TEMP VIEW attendance_stage AS SELECT $$STUDENT$$::uuid AS "studentId", date '2026-03-16' AS "date", 'PRESENT'::"AttendanceStatus" AS "status"`,
    ],
  ])("attendance_insert_staged reads no stage the app role made itself (%s)", async (_, ddl) => {
    const before = await count();
    const error = await inRollback(async () => {
      await client.query(ddl.replace("$$STUDENT$$", `'${studentB.id}'`));
      if (ddl.includes("TABLE")) await addToStage(client, [[studentB.id, "2026-03-16", "PRESENT"]]);
      return failure(insertStaged(client, school.A));
    });
    expect(error).toMatchObject({ code: "55000" });
    expect(await count()).toBe(before);
  });

  it("the app role may add rows to the stage and do nothing else with it", async () => {
    await inRollback(async () => {
      await stage(client, [[studentsA[0].id, "2026-03-17", "PRESENT"]]);
      for (const sql of [
        `SELECT * FROM attendance_stage`,
        `DELETE FROM attendance_stage`,
        `ALTER TABLE attendance_stage ENABLE ROW LEVEL SECURITY`,
        `CREATE RULE r AS ON INSERT TO attendance_stage DO INSTEAD NOTHING`,
        `DROP TABLE attendance_stage`,
      ]) {
        expect(await refusedInSavepoint(sql), sql).toMatchObject({ code: PERMISSION_DENIED });
      }
      expect(await insertStaged(client, school.A)).toEqual({ inserted: 1, keyCheck: "set" });
    });
  });

  it("where the owner may not set session_replication_role, PostgreSQL's per-row checks run and refuse the same row", async () => {
    const role = `bulk_test_${randomBytes(4).toString("hex")}`;
    const functions = ["attendance_stage_open()", "attendance_insert_staged(uuid, uuid, boolean)"];
    await asAdmin(`CREATE ROLE ${role} NOLOGIN`);
    try {
      await t.asOwner(`GRANT SELECT, INSERT, UPDATE ON attendance, student, app_user TO ${role}`);
      await asAdmin(functions.map((f) => `ALTER FUNCTION ${f} OWNER TO ${role}`).join(";"));
      await inRollback(async () => {
        await stage(client, [[studentsA[0].id, "2026-03-11", "PRESENT"]]);
        await client.query("SAVEPOINT s");
        expect(await insertStaged(client, school.A, tutor.id)).toEqual({ inserted: 1, keyCheck: "row" });
        await client.query("ROLLBACK TO SAVEPOINT s");
        await addToStage(client, [[studentB.id, "2026-03-11", "LATE"]]);
        expect(await failure(insertStaged(client, school.A))).toMatchObject({
          code: FK,
          constraint: "attendance_studentId_schoolId_fkey",
        });
      });
    } finally {
      await asAdmin(functions.map((f) => `ALTER FUNCTION ${f} OWNER TO permanencia_owner`).join(";"));
      await asAdmin(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
    }
  });

  it("a third key added to attendance later is never skipped: the insert falls back to per-row checks", async () => {
    await t.asOwner(`CREATE TABLE bulk_test_day (d date PRIMARY KEY);
      ALTER TABLE attendance ADD CONSTRAINT bulk_test_day_fkey FOREIGN KEY (date) REFERENCES bulk_test_day (d) NOT VALID`);
    try {
      await inRollback(async () => {
        await stage(client, [[studentsA[1].id, "2026-03-13", "PRESENT"]]);
        await client.query("SAVEPOINT s");
        expect(await failure(insertStaged(client, school.A))).toMatchObject({
          code: FK,
          constraint: "bulk_test_day_fkey",
        });
        await client.query("ROLLBACK TO SAVEPOINT s");
        await t.asOwner(`INSERT INTO bulk_test_day VALUES ('2026-03-13')`);
        expect(await insertStaged(client, school.A)).toEqual({ inserted: 1, keyCheck: "row" });
      });
    } finally {
      await t.asOwner(`ALTER TABLE attendance DROP CONSTRAINT bulk_test_day_fkey; DROP TABLE bulk_test_day`);
    }
  });

  it("a trigger added to attendance later is never skipped: the insert falls back to per-row checks", async () => {
    await t.asOwner(`CREATE FUNCTION bulk_test_mark() RETURNS trigger AS $$
        BEGIN PERFORM set_config('test.fired', 'yes', true); RETURN NULL; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER bulk_test_mark AFTER INSERT ON attendance FOR EACH ROW EXECUTE FUNCTION bulk_test_mark()`);
    try {
      await inRollback(async () => {
        await stage(client, [[studentsA[1].id, "2026-03-12", "PRESENT"]]);
        expect(await insertStaged(client, school.A)).toEqual({ inserted: 1, keyCheck: "row" });
        expect((await client.query(`SELECT current_setting('test.fired', true) AS v`)).rows[0].v).toBe("yes");
      });
    } finally {
      await t.asOwner(`DROP TRIGGER bulk_test_mark ON attendance; DROP FUNCTION bulk_test_mark()`);
    }
  });
});

describe("[CONCURRENCY] an import in progress blocks no sheet", () => {
  it("holds only row-level locks: a tutor saves another day meanwhile, and a student it names cannot be deleted until it commits", async () => {
    const importer = new pg.Client({ connectionString: t.url });
    const other = new pg.Client({ connectionString: t.url });
    await Promise.all([importer.connect(), other.connect()]);
    try {
      await importer.query("BEGIN");
      await stage(importer, [
        [studentsA[0].id, "2026-04-01", "PRESENT"],
        [studentsA[1].id, "2026-04-01", "LATE"],
      ]);
      expect((await insertStaged(importer, school.A)).keyCheck).toBe("set");
      const pid = (await importer.query(`SELECT pg_backend_pid() AS p`)).rows[0].p;
      const { rows: locks } = await other.query<{ rel: string; mode: string }>(
        `SELECT c.relname AS rel, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE l.pid = $1 AND c.relname IN ('attendance', 'attendance_day', 'student', 'app_user')`,
        [pid],
      );
      expect(locks.length).toBeGreaterThan(0);
      for (const lock of locks) expect(["AccessShareLock", "RowShareLock", "RowExclusiveLock"]).toContain(lock.mode);

      const saved = await saveAttendance(tutor, {
        schoolId: school.A,
        grade: 1,
        section: "A",
        date: "2026-04-06", // a Monday: 2 and 3 April 2026 are holidays, which ask for a confirmation
        marks: [{ studentId: studentsA[0].id, status: "LATE" }],
      });
      expect(saved.changed).toBe(3);

      await other.query(`SET lock_timeout = '200ms'`);
      expect(await failure(other.query(`DELETE FROM student WHERE id = $1`, [studentsA[1].id]))).toMatchObject({
        code: "55P03",
      });
      // An ordinary edit of that student does not wait (FOR KEY SHARE, like the key's own check).
      await other.query(`UPDATE student SET "givenNames" = 'Ana María' WHERE id = $1`, [studentsA[1].id]);
      await importer.query("COMMIT");
    } finally {
      await importer.query("ROLLBACK").catch(() => {});
      await Promise.all([importer.end(), other.end()]);
    }
    expect(await t.db.attendance.count({ where: { date: new Date("2026-04-01T00:00:00Z") } })).toBe(2);
  });
});
