import { randomBytes, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate, readMigrations } from "../../lib/db/migrate";
import { withDatabase } from "../helpers/global-setup";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The database keeps the scope invariant by itself (docs/decisions/008-database-constraints.md).
// Every bad row here is written with raw SQL, as a buggy query or a hand-made fix would write
// it, with no app code in the way. Each attempt runs in a transaction that is rolled back, so
// the tests do not depend on one another.

let t: TestDatabase;
let client: pg.Client;

/** The demo rows the attempts lean on (the pilot seed). */
type Fixture = {
  schoolA: string; // the case's school
  schoolB: string; // another school
  studentA: string; // the case's student
  studentA2: string; // another student of school A, with no case
  studentB: string; // a student of school B
  caseA: string; // an evaluated case of studentA
  openCase: string; // a case that is not CLOSED
  user: string; // a user not assigned to caseA
  itemV1: string; // an item of the instrument caseA's evaluation used (version 1)
  itemV2: string; // an item of version 2 of the form
  instrumentV1: string;
  instrumentV2: string;
};
let f: Fixture;

type PgError = { code?: string; constraint?: string };

/** Runs `work` in a transaction that is always rolled back. */
async function inRollback<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    return await work(client);
  } finally {
    await client.query("ROLLBACK");
  }
}

/** The statements' error, or null when PostgreSQL accepted all of them. */
async function attempt(...statements: string[]): Promise<PgError | null> {
  return inRollback(async (c) => {
    try {
      for (const sql of statements) await c.query(sql);
      return null;
    } catch (error) {
      return error as PgError;
    }
  });
}

const FK = "23503";
const CHECK = "23514";

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  // The owner role: some cases drop a constraint for a moment (DDL).
  client = new pg.Client({ connectionString: t.ownerUrl });
  await client.connect();
  const one = async <T>(sql: string): Promise<T> => {
    const { rows } = await client.query(sql);
    if (rows.length !== 1) throw new Error(`fixture query returned ${rows.length} rows: ${sql}`);
    return rows[0] as T;
  };
  const kase = await one<{ id: string; schoolId: string; studentId: string; instrumentId: string }>(`
    SELECT c.id, c."schoolId", c."studentId", e."instrumentId"
    FROM case_file c JOIN risk_evaluation e ON e."caseId" = c.id ORDER BY c.id LIMIT 1`);
  const v2 = await one<{ id: string }>(`SELECT id FROM risk_instrument WHERE version = 2`);
  const studentB = await one<{ id: string; schoolId: string }>(`
    SELECT id, "schoolId" FROM student WHERE "schoolId" <> '${kase.schoolId}' ORDER BY id LIMIT 1`);
  f = {
    schoolA: kase.schoolId,
    schoolB: studentB.schoolId,
    studentA: kase.studentId,
    studentA2: (
      await one<{ id: string }>(`
      SELECT s.id FROM student s WHERE s."schoolId" = '${kase.schoolId}'
        AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c."studentId" = s.id)
        AND NOT EXISTS (SELECT 1 FROM alert a WHERE a."studentId" = s.id)
      ORDER BY s.id LIMIT 1`)
    ).id,
    studentB: studentB.id,
    caseA: kase.id,
    openCase: (await one<{ id: string }>(`SELECT id FROM case_file WHERE state <> 'CLOSED' ORDER BY id LIMIT 1`)).id,
    user: (
      await one<{ id: string }>(`
      SELECT u.id FROM app_user u
      WHERE NOT EXISTS (SELECT 1 FROM case_assignment a WHERE a."caseId" = '${kase.id}' AND a."userId" = u.id)
      ORDER BY u.id LIMIT 1`)
    ).id,
    instrumentV1: kase.instrumentId,
    instrumentV2: v2.id,
    itemV1: (
      await one<{ id: string }>(
        `SELECT id FROM risk_item WHERE "instrumentId" = '${kase.instrumentId}' ORDER BY position LIMIT 1`,
      )
    ).id,
    itemV2: (
      await one<{ id: string }>(`SELECT id FROM risk_item WHERE "instrumentId" = '${v2.id}' ORDER BY position LIMIT 1`)
    ).id,
  };
});
afterAll(async () => {
  await client?.end();
  await t.drop();
});

// ───────────────────────────── rows a child's school cannot disown ─────────────────────────────

/** Insert statements for the case's child tables, parameterised by (case, school, student). */
const visit = (caseId: string, schoolId: string, studentId: string) =>
  `INSERT INTO home_visit ("caseId", "schoolId", "studentId", "scheduledFor") VALUES ('${caseId}', '${schoolId}', '${studentId}', '2027-01-04')`;
const contact = (caseId: string, schoolId: string, studentId: string) =>
  `INSERT INTO contact_attempt ("caseId", "schoolId", "studentId", channel, outcome) VALUES ('${caseId}', '${schoolId}', '${studentId}', 'PHONE', 'NO_ANSWER')`;
// A draft: answers can still be added to it (a signed evaluation's cannot).
const evaluation = (caseId: string, schoolId: string, studentId: string, id = randomUUID()) =>
  `INSERT INTO risk_evaluation (id, "caseId", "schoolId", "studentId", "instrumentId", "evaluatorId", "draftKey") VALUES ('${id}', '${caseId}', '${schoolId}', '${studentId}', '${f.instrumentV1}', '${f.user}', '${caseId}:${f.user}')`;
const referral = (caseId: string, schoolId: string, studentId: string) =>
  `INSERT INTO referral ("caseId", "schoolId", "studentId", "agencyId", reason, urgency, "legalBasis", "legalNorm", "dueAt") VALUES ('${caseId}', '${schoolId}', '${studentId}', (SELECT id FROM agency ORDER BY id LIMIT 1), 'r', 'ROUTINE', 'CHILD_PROTECTION_DUTY', 'Ley 30364', now())`;
const CASE_CHILDREN = [
  { table: "home_visit", insert: visit },
  { table: "contact_attempt", insert: contact },
  { table: "risk_evaluation", insert: (c: string, sc: string, st: string) => evaluation(c, sc, st) },
  { table: "referral", insert: referral },
];

describe("[CONSTRAINTS] a row about a student carries that student's school", () => {
  it("attendance_studentId_schoolId_fkey: attendance filed under another school is refused", async () => {
    const row = (schoolId: string) =>
      `INSERT INTO attendance ("studentId", date, "schoolId", status) VALUES ('${f.studentA}', '2027-01-04', '${schoolId}', 'PRESENT')`;
    expect(await attempt(row(f.schoolB))).toMatchObject({ code: FK, constraint: "attendance_studentId_schoolId_fkey" });
    expect(await attempt(row(f.schoolA))).toBeNull();
  });

  it("alert_studentId_schoolId_fkey: an alert raised in another school is refused", async () => {
    const row = (schoolId: string) =>
      `INSERT INTO alert ("schoolId", "studentId", kind, status, figures) VALUES ('${schoolId}', '${f.studentA}', 'CONCERN', 'DISMISSED', '{}')`;
    expect(await attempt(row(f.schoolB))).toMatchObject({ code: FK, constraint: "alert_studentId_schoolId_fkey" });
    expect(await attempt(row(f.schoolA))).toBeNull();
  });

  it("case_file_studentId_schoolId_fkey: a case opened in another school is refused", async () => {
    const row = (schoolId: string) =>
      `INSERT INTO case_file ("schoolId", "studentId", state, outcome, "closedAt") VALUES ('${schoolId}', '${f.studentA}', 'CLOSED', 'OTHER', now())`;
    expect(await attempt(row(f.schoolB))).toMatchObject({ code: FK, constraint: "case_file_studentId_schoolId_fkey" });
    expect(await attempt(row(f.schoolA))).toBeNull();
  });

  // These four are implied by the case key as well; with that key dropped (inside the rolled
  // back transaction) the student key is shown refusing on its own.
  const studentKeys = CASE_CHILDREN.map((c) => ({ ...c, constraint: `${c.table}_studentId_schoolId_fkey` }));
  it.each(studentKeys)("$constraint refuses the student under another school", async (c) => {
    const dropCaseKey = `ALTER TABLE ${c.table} DROP CONSTRAINT "${c.table}_caseId_schoolId_studentId_fkey"`;
    expect(await attempt(dropCaseKey, c.insert(f.caseA, f.schoolB, f.studentA))).toMatchObject({
      code: FK,
      constraint: c.constraint,
    });
  });
});

describe("[CONSTRAINTS] a row of a case carries that case's school and student", () => {
  const caseKeys = CASE_CHILDREN.map((c) => ({ ...c, constraint: `${c.table}_caseId_schoolId_studentId_fkey` }));
  it.each(caseKeys)(
    "$constraint refuses another school's or another student's row on the case",
    async ({ constraint, insert }) => {
      expect(await attempt(insert(f.caseA, f.schoolB, f.studentB))).toMatchObject({ code: FK, constraint });
      expect(await attempt(insert(f.caseA, f.schoolA, f.studentA2))).toMatchObject({ code: FK, constraint });
      expect(await attempt(insert(f.caseA, f.schoolA, f.studentA))).toBeNull();
    },
  );

  it("case_assignment_caseId_schoolId_fkey: an assignment filed under another school is refused", async () => {
    const row = (schoolId: string) =>
      `INSERT INTO case_assignment ("caseId", "userId", "schoolId") VALUES ('${f.caseA}', '${f.user}', '${schoolId}')`;
    expect(await attempt(row(f.schoolB))).toMatchObject({
      code: FK,
      constraint: "case_assignment_caseId_schoolId_fkey",
    });
    expect(await attempt(row(f.schoolA))).toBeNull();
  });

  it("case_event_caseId_schoolId_fkey: a timeline event filed under another school is refused", async () => {
    const row = (schoolId: string) =>
      `INSERT INTO case_event ("caseId", "schoolId", type, body) VALUES ('${f.caseA}', '${schoolId}', 'NOTE', 'n')`;
    expect(await attempt(row(f.schoolB))).toMatchObject({ code: FK, constraint: "case_event_caseId_schoolId_fkey" });
    expect(await attempt(row(f.schoolA))).toBeNull();
  });

  it("alert_caseId_schoolId_studentId_fkey: one child's alert cannot point at another child's case", async () => {
    const row = (studentId: string) =>
      `INSERT INTO alert ("schoolId", "studentId", kind, status, figures, "caseId") VALUES ('${f.schoolA}', '${studentId}', 'CONCERN', 'CASE_OPENED', '{}', '${f.caseA}')`;
    expect(await attempt(row(f.studentA2))).toMatchObject({
      code: FK,
      constraint: "alert_caseId_schoolId_studentId_fkey",
    });
    expect(await attempt(row(f.studentA))).toBeNull();
  });

  it("deleting a case still empties only its alerts' caseId (ON DELETE SET NULL (caseId))", async () => {
    const after = await inRollback(async (c) => {
      const linked = await c.query(`SELECT id FROM alert WHERE "caseId" = '${f.caseA}'`);
      expect(linked.rowCount).toBeGreaterThan(0);
      await c.query(`DELETE FROM case_file WHERE id = '${f.caseA}'`);
      const { rows } = await c.query(`SELECT "caseId", "schoolId", "studentId" FROM alert WHERE id = ANY($1::uuid[])`, [
        linked.rows.map((r) => r.id),
      ]);
      return rows;
    });
    expect(after.length).toBeGreaterThan(0);
    for (const row of after) expect(row).toEqual({ caseId: null, schoolId: f.schoolA, studentId: f.studentA });
  });
});

describe("[CONSTRAINTS] a risk answer belongs to its evaluation's school and form", () => {
  const evaluationId = randomUUID();
  const answer = (schoolId: string, instrumentId: string, itemId: string) =>
    `INSERT INTO risk_answer ("evaluationId", "itemId", "schoolId", "instrumentId", value) VALUES ('${evaluationId}', '${itemId}', '${schoolId}', '${instrumentId}', 'PRESENT')`;
  const newEvaluation = () => evaluation(f.caseA, f.schoolA, f.studentA, evaluationId);

  it("risk_answer_evaluationId_schoolId_instrumentId_fkey: an answer filed under another school is refused", async () => {
    expect(await attempt(newEvaluation(), answer(f.schoolB, f.instrumentV1, f.itemV1))).toMatchObject({
      code: FK,
      constraint: "risk_answer_evaluationId_schoolId_instrumentId_fkey",
    });
    expect(await attempt(newEvaluation(), answer(f.schoolA, f.instrumentV1, f.itemV1))).toBeNull();
  });

  it("risk_answer_itemId_instrumentId_fkey: an item of another version of the form is refused, whatever form the answer claims", async () => {
    expect(await attempt(newEvaluation(), answer(f.schoolA, f.instrumentV1, f.itemV2))).toMatchObject({
      code: FK,
      constraint: "risk_answer_itemId_instrumentId_fkey",
    });
    // Claiming the item's own form contradicts the evaluation's instead.
    expect(await attempt(newEvaluation(), answer(f.schoolA, f.instrumentV2, f.itemV2))).toMatchObject({
      code: FK,
      constraint: "risk_answer_evaluationId_schoolId_instrumentId_fkey",
    });
  });
});

// ───────────────────────────── who did it ─────────────────────────────

const ACTOR_COLUMNS = [
  ["attendance", "recordedById"],
  ["attendance_day", "recordedById"],
  ["alert", "raisedById"],
  ["alert", "resolvedById"],
  ["case_file", "openedById"],
  ["case_event", "actorId"],
  ["home_visit", "assigneeId"],
  ["home_visit", "createdById"],
  ["contact_attempt", "actorId"],
  ["referral", "createdById"],
  ["referral", "respondedById"],
].map(([table, column]) => ({ table, column, constraint: `${table}_${column}_fkey` }));

describe("[CONSTRAINTS] an actor is a real user", () => {
  it.each(ACTOR_COLUMNS)("$constraint refuses an id that is no user", async ({ table, column, constraint }) => {
    const set = (value: string) =>
      `UPDATE ${table} SET "${column}" = ${value} WHERE ctid = (SELECT ctid FROM ${table} ORDER BY ctid LIMIT 1)`;
    expect(await attempt(set("gen_random_uuid()"))).toMatchObject({ code: FK, constraint });
    const accepted = await inRollback((c) => c.query(set(`'${f.user}'`)));
    expect(accepted.rowCount).toBe(1);
  });

  it.each(["evaluatorId", "signedById"])(
    "risk_evaluation_%s_fkey refuses an id that is no user (on a new row: a signed one cannot change)",
    async (column) => {
      const signed = (actor: string) =>
        `INSERT INTO risk_evaluation ("caseId", "schoolId", "studentId", "instrumentId", "evaluatorId", status, "signedAt", "signedById", "overallLevel", rationale)
         VALUES ('${f.caseA}', '${f.schoolA}', '${f.studentA}', '${f.instrumentV1}', ${column === "evaluatorId" ? actor : `'${f.user}'`}, 'SIGNED', now(), ${column === "signedById" ? actor : `'${f.user}'`}, 'LOW', 'r')`;
      expect(await attempt(signed("gen_random_uuid()"))).toMatchObject({
        code: FK,
        constraint: `risk_evaluation_${column}_fkey`,
      });
      expect(await attempt(signed(`'${f.user}'`))).toBeNull();
    },
  );

  it("audit_log_actorId_fkey refuses an entry by an id that is no user; system entries keep a NULL actor", async () => {
    const entry = (actor: string) =>
      `INSERT INTO audit_log ("actorId", action, entity) VALUES (${actor}, 'test.write', 'Test')`;
    expect(await attempt(entry("gen_random_uuid()"))).toMatchObject({ code: FK, constraint: "audit_log_actorId_fkey" });
    expect(await attempt(entry("NULL"))).toBeNull();
    expect(await attempt(entry(`'${f.user}'`))).toBeNull();
  });

  it("a user who has acted cannot be deleted (users are deactivated instead)", async () => {
    const error = await attempt(
      `DELETE FROM app_user WHERE id = (SELECT "openedById" FROM case_file WHERE "openedById" IS NOT NULL LIMIT 1)`,
    );
    expect(error).toMatchObject({ code: FK });
  });
});

// ───────────────────────────── invariants that lived only in code ─────────────────────────────

describe("[CONSTRAINTS] CHECK constraints", () => {
  const student = (type: string, number: string | null) =>
    `INSERT INTO student ("schoolId", "documentType", "documentNumber", "paternalSurname", "givenNames", sex, "birthDate", grade, section)
     VALUES ('${f.schoolA}', '${type}', ${number === null ? "NULL" : `'${number}'`}, 'Prueba', 'Ana', 'F', '2012-03-04', 1, 'A')`;

  it("student_document_number_iff_type_chk: a number exactly when there is a document", async () => {
    const refused = { code: CHECK, constraint: "student_document_number_iff_type_chk" };
    expect(await attempt(student("DNI", null))).toMatchObject(refused);
    expect(await attempt(student("NONE", "79999999"))).toMatchObject(refused);
    expect(await attempt(student("DNI", "79999999"))).toBeNull();
    expect(await attempt(student("NONE", null))).toBeNull();
  });

  it("alert_open_key_matches_status_chk: openKey is '<studentId>:<kind>' exactly while OPEN", async () => {
    const refused = { code: CHECK, constraint: "alert_open_key_matches_status_chk" };
    const row = (status: string, openKey: string | null) =>
      `INSERT INTO alert ("schoolId", "studentId", kind, status, "openKey", figures)
       VALUES ('${f.schoolA}', '${f.studentA2}', 'CONCERN', '${status}', ${openKey === null ? "NULL" : `'${openKey}'`}, '{}')`;
    expect(await attempt(row("OPEN", null))).toMatchObject(refused);
    expect(await attempt(row("OPEN", `${f.studentA2}:CHRONIC_TIER2`))).toMatchObject(refused);
    expect(await attempt(row("OPEN", `${f.studentA}:CONCERN`))).toMatchObject(refused);
    expect(await attempt(row("DISMISSED", `${f.studentA2}:CONCERN`))).toMatchObject(refused);
    // Dismissing without clearing the key would block the next alert of that kind forever.
    expect(
      await attempt(
        `UPDATE alert SET status = 'DISMISSED' WHERE id = (SELECT id FROM alert WHERE status = 'OPEN' LIMIT 1)`,
      ),
    ).toMatchObject(refused);
    expect(await attempt(row("OPEN", `${f.studentA2}:CONCERN`))).toBeNull();
    expect(await attempt(row("DISMISSED", null))).toBeNull();
  });

  it("case_file_open_key_matches_state_chk: openKey is the student's id exactly while not CLOSED", async () => {
    const refused = { code: CHECK, constraint: "case_file_open_key_matches_state_chk" };
    const row = (openKey: string | null) =>
      `INSERT INTO case_file ("schoolId", "studentId", state, "openKey") VALUES ('${f.schoolA}', '${f.studentA2}', 'OPEN', ${openKey === null ? "NULL" : `'${openKey}'`})`;
    expect(await attempt(row(null))).toMatchObject(refused);
    expect(await attempt(row(f.studentB))).toMatchObject(refused);
    // Closing without releasing the key would keep the student from ever getting a new case.
    expect(
      await attempt(
        `UPDATE case_file SET state = 'CLOSED', outcome = 'OTHER', "closedAt" = now() WHERE id = '${f.openCase}'`,
      ),
    ).toMatchObject(refused);
    expect(await attempt(row(f.studentA2))).toBeNull();
  });

  it("case_file_closed_has_outcome_chk: a CLOSED case has an outcome and a closing time", async () => {
    const refused = { code: CHECK, constraint: "case_file_closed_has_outcome_chk" };
    const close = (outcome: string, closedAt: string) =>
      `UPDATE case_file SET state = 'CLOSED', "openKey" = NULL, outcome = ${outcome}, "closedAt" = ${closedAt} WHERE id = '${f.openCase}'`;
    expect(await attempt(close("NULL", "now()"))).toMatchObject(refused);
    expect(await attempt(close("'REINTEGRATED'", "NULL"))).toMatchObject(refused);
    expect(await attempt(close("'REINTEGRATED'", "now()"))).toBeNull();
  });

  // A closed referral also needs its next steps (referral_closed_has_next_steps_chk, tested in
  // referrals-database.integration.test.ts).
  const referralTo = (status: string, column: string, value: string) =>
    `UPDATE referral SET status = '${status}', "${column}" = ${value}${status === "CLOSED" ? `, "counterReferralNextSteps" = 'Seguimiento.', "caseReturnsToSchool" = true` : ""} WHERE id = (SELECT id FROM referral WHERE status = 'SENT' ORDER BY id LIMIT 1)`;

  it("referral_rejected_has_reason_chk: a REJECTED referral says why", async () => {
    const refused = { code: CHECK, constraint: "referral_rejected_has_reason_chk" };
    expect(await attempt(referralTo("REJECTED", "rejectionReason", "NULL"))).toMatchObject(refused);
    expect(await attempt(referralTo("REJECTED", "rejectionReason", "'   '"))).toMatchObject(refused);
    expect(await attempt(referralTo("REJECTED", "rejectionReason", "'Fuera de la jurisdicción.'"))).toBeNull();
  });

  it("referral_closed_has_counter_referral_chk: a CLOSED referral carries the counter-referral", async () => {
    const refused = { code: CHECK, constraint: "referral_closed_has_counter_referral_chk" };
    expect(await attempt(referralTo("CLOSED", "counterReferral", "NULL"))).toMatchObject(refused);
    expect(await attempt(referralTo("CLOSED", "counterReferral", "''"))).toMatchObject(refused);
    expect(await attempt(referralTo("CLOSED", "counterReferral", "'Atendido; se cierra el caso.'"))).toBeNull();
  });
});

// ───────────────────────────── the migration on a database that already has data ─────────────────────────────

describe("[CONSTRAINTS] migrating a database that already holds risk answers", () => {
  it("fills each answer's instrumentId from its evaluation", async () => {
    const adminUrl = inject("pgAdminUrl");
    const name = `test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = withDatabase(adminUrl, name);
    const before = await mkdtemp(path.join(os.tmpdir(), "permanencia-migrations-"));
    const c = new pg.Client({ connectionString: url });
    try {
      const [first] = await readMigrations();
      await mkdir(path.join(before, first.name));
      await writeFile(path.join(before, first.name, "migration.sql"), first.sql);
      await migrate(url, before);
      await c.connect();
      const [school, student, kase, instrument, item, evaluationId, user] = Array.from({ length: 7 }, () =>
        randomUUID(),
      );
      await c.query(`
        INSERT INTO school (id, "codigoModular", name, region, province, district) VALUES ('${school}', '9999999', 'IE', 'R', 'P', 'D');
        INSERT INTO student (id, "schoolId", "documentType", "documentNumber", "paternalSurname", "givenNames", sex, grade, section)
          VALUES ('${student}', '${school}', 'DNI', '79999999', 'Prueba', 'Ana', 'F', 1, 'A');
        INSERT INTO case_file (id, "schoolId", "studentId", "openKey") VALUES ('${kase}', '${school}', '${student}', '${student}');
        INSERT INTO risk_instrument (id, version, name) VALUES ('${instrument}', 1, 'v1');
        INSERT INTO risk_item (id, "instrumentId", code, domain, position, "labelEs", "labelEn")
          VALUES ('${item}', '${instrument}', 'X', 'SOCIAL', 1, 'x', 'x');
        INSERT INTO app_user (id, email, name, "passwordHash", role, "updatedAt") VALUES ('${user}', 'psi@prueba.pe', 'Psi', 'x', 'PSYCHOLOGIST', now());
        INSERT INTO risk_evaluation (id, "caseId", "schoolId", "studentId", "instrumentId", "evaluatorId", "overallLevel", rationale)
          VALUES ('${evaluationId}', '${kase}', '${school}', '${student}', '${instrument}', '${user}', 'LOW', 'r');
        INSERT INTO risk_answer ("evaluationId", "itemId", "schoolId", value) VALUES ('${evaluationId}', '${item}', '${school}', 'PRESENT');`);
      const result = await migrate(url);
      expect(result.applied.length).toBeGreaterThan(0);
      const { rows } = await c.query(`SELECT "instrumentId" FROM risk_answer`);
      expect(rows).toEqual([{ instrumentId: instrument }]);
    } finally {
      await c.end().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      await rm(before, { recursive: true, force: true });
    }
  });
});
