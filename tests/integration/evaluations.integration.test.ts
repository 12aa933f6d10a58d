import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "../../lib/auth/session";
import type { SessionUser } from "../../lib/auth/types";
import { getCaseFileOrThrow } from "../../lib/cases/case-file";
import { AppError } from "../../lib/errors/app-error";
import type { RiskAnswerValue } from "../../lib/generated/prisma/enums";
import { RISK_INSTRUMENT_V1, RISK_INSTRUMENT_V2 } from "../../lib/risk/instrument";
import { discardEvaluationDraft, shareSensitiveAnswers } from "../../lib/risk/manage-evaluation";
import { getRiskPrevalence } from "../../lib/risk/prevalence";
import { getEvaluationOrThrow } from "../../lib/risk/queries";
import { saveEvaluation } from "../../lib/risk/save-evaluation";
import { getEvaluationSeries } from "../../lib/risk/series";
import { startEvaluation } from "../../lib/risk/start-evaluation";
import { completeCaseTask } from "../../lib/tasks/complete-task";
import { endOfLimaDay } from "../../lib/tasks/due";
import { listOpenTasksForHome, OPEN_TASK_SELECT } from "../../lib/tasks/queries";
import { buildPlan } from "../../prisma/seed/plan";
import { riskItemId } from "../../prisma/seed/evaluations";
import { agencyId, schoolId, userId, type UserKey } from "../../prisma/seed/people";
import { writePastPacketRule } from "../fixtures/scenario";
import { demoAnchor } from "../helpers/demo-anchor";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// Risk-factor evaluations on the pilot demo (PRODUCT.md §3.6, docs/decisions/011-risk-evaluations.md):
// who may record them, what each role receives, the signed record's finality (also against raw
// SQL), the same-day urgent referral for self-harm, change over time and the prevalence table.
// The tests run in order on one copy of the demo: the prevalence ones first, on untouched data.

let t: TestDatabase;
let sql: pg.Client;
/** The load day of the seeded demo (its plan is rebuilt from it). */
let anchor: string;
const origin = { ip: "192.0.2.44", userAgent: "evaluations-test", via: "web" as const };

/** The open tasks a user sees on the case page: none when the case itself is out of their reach. */
async function openTasksOnCase(user: SessionUser, caseId: string): Promise<string[]> {
  try {
    return ((await getCaseFileOrThrow(user, caseId, origin)).openTasks ?? []).map((x) => x.id);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return [];
    throw e;
  }
}
const u = {} as Record<UserKey | "psychologist2", SessionUser>;
/** A case of IE Trujillo A (1000001) with a signed v1 evaluation and a referral to PNP/Bapes. */
let kase: { id: string; schoolId: string; studentId: string; seedEvaluation: string };

const V2_CODES = RISK_INSTRUMENT_V2.items.map((i) => i.code);
const SELF_HARM = "self_harm_suicidal_ideation";
const SENSITIVE = RISK_INSTRUMENT_V2.items.filter((i) => i.sensitiveCategory).map((i) => i.code);

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Every v2 item answered: `present` PRESENT, the rest ABSENT, unless `overrides` says otherwise. */
function fullAnswers(present: string[], overrides: Record<string, RiskAnswerValue | ""> = {}) {
  return Object.fromEntries(
    V2_CODES.map((code) => [code, overrides[code] ?? (present.includes(code) ? "PRESENT" : "ABSENT")]),
  );
}

const evaluationRow = (id: string) =>
  t.db.riskEvaluation.findUniqueOrThrow({
    where: { id },
    select: { status: true, version: true, rationale: true, overallLevel: true, suggestedLevel: true },
  });

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  anchor = await demoAnchor(t.db);
  sql = new pg.Client({ connectionString: t.url });
  await sql.connect();
  const keys: UserKey[] = ["psychologist", "social", "educator", "director", "directorSjl", "tutor", "coordinator"];
  for (const key of [...keys, "admin", "demuna", "cem", "csmc", "bapes", "ugel"] as const)
    u[key] = (await loadSessionUser(userId(key)))!;
  const second = await t.db.user.create({
    data: {
      email: "psicologa2@demo.pe",
      name: "Segunda Psicóloga",
      passwordHash: "x",
      role: "PSYCHOLOGIST",
      schools: { create: [{ schoolId: schoolId("1000001") }] },
    },
  });
  u.psychologist2 = (await loadSessionUser(second.id))!;
  const { rows } = await sql.query(
    `SELECT c.id, c."schoolId", c."studentId", e.id AS "seedEvaluation"
       FROM case_file c
       JOIN risk_evaluation e ON e."caseId" = c.id
       JOIN referral r ON r."caseId" = c.id AND r."agencyId" = $1
      WHERE c."schoolId" = $2 AND c.state <> 'CLOSED'
      ORDER BY c.id LIMIT 1`,
    [agencyId("BAPES-TRU"), schoolId("1000001")],
  );
  kase = rows[0];
  // The referral to PNP/Bapes lists every risk section (past the database's packet rule): the
  // read rules must hold whatever is listed.
  const bapes = await t.db.referral.findFirstOrThrow({
    where: { caseId: kase.id, agencyId: agencyId("BAPES-TRU") },
    select: { id: true },
  });
  await writePastPacketRule(t, bapes.id, ["IDENTIFICATION", "RISK_SUMMARY", "RISK_ANSWERS", "RISK_SENSITIVE"]);
});
afterAll(async () => {
  await sql?.end();
  await t.drop();
});

describe("[RISK] prevalence (present ÷ answered, with n)", () => {
  const ARTICLE = [64.3, 22.6, 90.3, 86.7, 29.0, 90.3, 6.5, 61.3, 46.9, 56.3, 34.4, 63.6, 18.8, 80.7, 19.3, 64.5, 100];

  /** n per item, counted from the seed's own rows (not from the prevalence table). */
  function seedAnswered(schoolIds?: string[]) {
    const { rows } = buildPlan(anchor);
    const inScope = new Set(
      rows.evaluations.filter((e) => !schoolIds || schoolIds.includes(e.schoolId)).map((e) => e.id),
    );
    return RISK_INSTRUMENT_V1.items
      .filter((i) => i.domain !== "PROTECTIVE")
      .map((i) => {
        const answers = rows.answers.filter((a) => inScope.has(a.evaluationId) && a.itemId === riskItemId(1, i.code));
        return {
          answered: answers.filter((a) => a.value !== "UNKNOWN").length,
          present: answers.filter((a) => a.value === "PRESENT").length,
        };
      });
  }

  it("on the demo, version 1, all four schools: the article's 17 figures, with their n", async () => {
    const table = await getRiskPrevalence(u.psychologist, { instrumentVersion: 1 });
    const risk = table.rows.filter((r) => r.domain !== "PROTECTIVE");
    expect(risk.map((r) => r.percent)).toEqual(ARTICLE);
    expect(risk.map((r) => ({ answered: r.answered, present: r.present }))).toEqual(seedAnswered());
    expect(risk.map((r) => r.answered)).toContain(57); // 80.7 % = 46/57
    expect(table.evaluatedStudents).toBe(63);
    expect(table.rows.filter((r) => r.domain === "PROTECTIVE")).toHaveLength(6);
  });

  it("is limited to the caller's schools, and to the period asked", async () => {
    const mine = await getRiskPrevalence(u.director, { instrumentVersion: 1 });
    expect(mine.rows.filter((r) => r.domain !== "PROTECTIVE").map((r) => r.answered)).toEqual(
      seedAnswered([schoolId("1000001")]).map((x) => x.answered),
    );
    // Asking for another school narrows to nothing rather than widening the scope.
    const other = await getRiskPrevalence(u.director, { instrumentVersion: 1, schoolIds: [schoolId("2000002")] });
    expect(other.evaluatedStudents).toBe(0);
    const future = await getRiskPrevalence(u.psychologist, { instrumentVersion: 1, from: new Date("2030-01-01") });
    expect(future.rows.every((r) => r.answered === 0 && r.percent === null)).toBe(true);
  });

  it("suppresses counts under 5, and whatever would reveal them, for the coordinator", async () => {
    const table = await getRiskPrevalence(u.coordinator, { instrumentVersion: 1 });
    const peers = table.rows.find((r) => r.code === "peer_rejection")!; // 2 of 31
    expect(peers).toMatchObject({ present: "suppressed", answered: 31, percent: null });
    // 28 of 31: 3 absent. Showing both would give the 3 away (31 − 28), so one of them is withheld.
    const family = table.rows.find((r) => r.code === "family_violence_victim")!;
    expect(family).toMatchObject({ present: "withheld", answered: 31, percent: null });
    expect(table.rows.find((r) => r.code === "low_academic_performance")).toMatchObject({ percent: 64.3 });
    await expect(getRiskPrevalence(u.tutor, { instrumentVersion: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("[RISK] only a PSYCHOLOGIST creates, saves or signs", () => {
  let draft: string;

  it("a psychologist opens a draft on the latest form (version 2); asking again resumes it", async () => {
    const started = await startEvaluation(u.psychologist, { caseId: kase.id }, origin);
    expect(started.resumed).toBe(false);
    draft = started.evaluationId;
    const row = await t.db.riskEvaluation.findUniqueOrThrow({
      where: { id: draft },
      select: { status: true, evaluatorId: true, instrument: { select: { version: true } } },
    });
    expect(row).toEqual({ status: "DRAFT", evaluatorId: u.psychologist.id, instrument: { version: 2 } });
    expect(await startEvaluation(u.psychologist, { caseId: kase.id }, origin)).toEqual({ ...started, resumed: true });
  });

  it("[RISK] every other role is refused, as «not found», and nothing changes", async () => {
    const before = await t.db.riskEvaluation.count({ where: { caseId: kase.id } });
    const others = [
      "social",
      "educator",
      "director",
      "tutor",
      "coordinator",
      "admin",
      "demuna",
      "csmc",
      "bapes",
    ] as const;
    for (const key of others) {
      expect((await appError(startEvaluation(u[key], { caseId: kase.id }, origin))).code).toBe("NOT_FOUND");
      const save = saveEvaluation(
        u[key],
        { caseId: kase.id, evaluationId: draft, version: 1, intent: "sign", answers: fullAnswers([]) },
        origin,
      );
      expect((await appError(save)).code).toBe("NOT_FOUND");
    }
    expect(await t.db.riskEvaluation.count({ where: { caseId: kase.id } })).toBe(before);
    expect(await evaluationRow(draft)).toMatchObject({ status: "DRAFT", version: 1 });
    expect(await t.db.riskAnswer.count({ where: { evaluationId: draft } })).toBe(0);
  });

  it("[RISK] a draft is its author's: another psychologist of the school can neither read nor save it", async () => {
    const read = getEvaluationOrThrow(u.psychologist2, { caseId: kase.id, evaluationId: draft }, origin);
    expect((await appError(read)).code).toBe("NOT_FOUND");
    const save = saveEvaluation(
      u.psychologist2,
      { caseId: kase.id, evaluationId: draft, version: 1, answers: { low_empathy: "PRESENT" } },
      origin,
    );
    expect((await appError(save)).code).toBe("NOT_FOUND");
    for (const key of ["social", "educator", "director"] as const) {
      const file = await getCaseFileOrThrow(u[key], kase.id, origin);
      expect(file.evaluations?.map((e) => e.id)).not.toContain(draft);
    }
    const own = await getCaseFileOrThrow(u.psychologist, kase.id, origin);
    expect(own.evaluations?.find((e) => e.id === draft)).toMatchObject({ status: "DRAFT", isOwnDraft: true });
  });

  it("saves an incomplete draft, and refuses a save made from an outdated form", async () => {
    const saved = await saveEvaluation(
      u.psychologist,
      {
        caseId: kase.id,
        evaluationId: draft,
        version: 1,
        intent: "draft",
        answers: { low_academic_performance: "PRESENT", low_empathy: "UNKNOWN", peer_rejection: "" },
        rationale: "Primera entrevista.",
      },
      origin,
    );
    expect(saved).toMatchObject({ signed: false, version: 2, urgentTaskIds: [] });
    expect(await t.db.riskAnswer.count({ where: { evaluationId: draft } })).toBe(2);
    const stale = saveEvaluation(
      u.psychologist,
      { caseId: kase.id, evaluationId: draft, version: 1, answers: { low_empathy: "ABSENT" } },
      origin,
    );
    expect((await appError(stale)).code).toBe("CONFLICT");
    expect(await evaluationRow(draft)).toMatchObject({ status: "DRAFT", version: 2, rationale: "Primera entrevista." });
  });

  it("signing needs every item answered, a level and a rationale", async () => {
    const missing = await appError(
      saveEvaluation(
        u.psychologist,
        {
          caseId: kase.id,
          evaluationId: draft,
          version: 2,
          intent: "sign",
          answers: { low_academic_performance: "PRESENT" },
          overallLevel: "LOW",
          rationale: "x",
        },
        origin,
      ),
    );
    expect(missing).toMatchObject({ code: "INVALID_INPUT", key: "risk.answersMissing" });
    expect(missing.issues.map((i) => i.field)).toContain("answers.low_empathy");
    const noLevel = await appError(
      saveEvaluation(
        u.psychologist,
        { caseId: kase.id, evaluationId: draft, version: 2, intent: "sign", answers: fullAnswers([]), rationale: " " },
        origin,
      ),
    );
    expect(noLevel.issues.map((i) => i.field).sort()).toEqual(["overallLevel", "rationale"]);
    expect(await evaluationRow(draft)).toMatchObject({ status: "DRAFT", version: 2 });
  });

  it("signs: the psychologist's level and the computed suggestion are both kept; the case's timeline says so", async () => {
    const present = ["low_academic_performance", "friends_linked_to_crime", "family_violence_victim"];
    const signed = await saveEvaluation(
      u.psychologist,
      {
        caseId: kase.id,
        evaluationId: draft,
        version: 2,
        intent: "sign",
        answers: fullAnswers(present),
        overallLevel: "MODERATE",
        rationale: "Se eleva a moderado por la violencia familiar referida por la estudiante.",
      },
      origin,
    );
    expect(signed).toMatchObject({ signed: true, urgentTaskIds: [] });
    // 3 present of 18 risk items answered = 16.7 % → the formula suggests LOW; the psychologist chose MODERATE.
    expect(await evaluationRow(draft)).toMatchObject({
      status: "SIGNED",
      suggestedLevel: "LOW",
      overallLevel: "MODERATE",
    });
    const event = await t.db.caseEvent.findFirstOrThrow({
      where: { caseId: kase.id, type: "EVALUATION" },
      orderBy: { occurredAt: "desc" },
    });
    expect(event.data).toMatchObject({ evaluationId: draft, overallLevel: "MODERATE", instrumentVersion: 2 });
    expect(JSON.stringify(event)).not.toContain("violencia");
    expect(await t.db.auditLog.count({ where: { action: "risk.evaluation.sign", entityId: draft } })).toBe(1);
  });

  it("[RISK] a signed evaluation cannot change: the app refuses, and so does the database to raw SQL", async () => {
    const again = saveEvaluation(
      u.psychologist,
      { caseId: kase.id, evaluationId: draft, version: 3, intent: "draft", answers: {}, rationale: "otra" },
      origin,
    );
    expect((await appError(again)).key).toBe("risk.alreadySigned");
    const refused = async (statement: string, constraint: string) => {
      await sql.query("BEGIN");
      try {
        await expect(sql.query(statement)).rejects.toMatchObject({ constraint });
      } finally {
        await sql.query("ROLLBACK");
      }
    };
    await refused(
      `UPDATE risk_evaluation SET rationale = 'cambiada' WHERE id = '${draft}'`,
      "risk_evaluation_signed_is_final",
    );
    await refused(
      `UPDATE risk_evaluation SET status = 'DRAFT', "draftKey" = "caseId" || ':' || "evaluatorId" WHERE id = '${draft}'`,
      "risk_evaluation_signed_is_final",
    );
    await refused(`DELETE FROM risk_evaluation WHERE id = '${draft}'`, "risk_evaluation_signed_is_final");
    await refused(
      `UPDATE risk_answer SET value = 'ABSENT' WHERE "evaluationId" = '${draft}'`,
      "risk_answer_signed_is_final",
    );
    await refused(`DELETE FROM risk_answer WHERE "evaluationId" = '${draft}'`, "risk_answer_signed_is_final");
    await refused(
      `INSERT INTO risk_answer ("evaluationId", "itemId", "schoolId", "instrumentId", value)
       SELECT '${draft}', i.id, '${kase.schoolId}', i."instrumentId", 'PRESENT' FROM risk_item i JOIN risk_instrument v ON v.id = i."instrumentId" WHERE v.version = 1 LIMIT 1`,
      "risk_answer_signed_is_final",
    );
    expect(await evaluationRow(draft)).toMatchObject({
      status: "SIGNED",
      rationale: expect.stringContaining("moderado"),
    });
  });

  it("discarding a draft removes it and its answers; a signed evaluation is not a draft", async () => {
    const other = await startEvaluation(u.psychologist2, { caseId: kase.id }, origin);
    await saveEvaluation(
      u.psychologist2,
      { caseId: kase.id, evaluationId: other.evaluationId, version: 1, answers: { low_empathy: "PRESENT" } },
      origin,
    );
    expect(
      (
        await appError(
          discardEvaluationDraft(u.psychologist, { caseId: kase.id, evaluationId: other.evaluationId }, origin),
        )
      ).code,
    ).toBe("NOT_FOUND");
    await discardEvaluationDraft(u.psychologist2, { caseId: kase.id, evaluationId: other.evaluationId }, origin);
    expect(await t.db.riskEvaluation.count({ where: { id: other.evaluationId } })).toBe(0);
    expect(await t.db.riskAnswer.count({ where: { evaluationId: other.evaluationId } })).toBe(0);
    expect(
      (await appError(discardEvaluationDraft(u.psychologist, { caseId: kase.id, evaluationId: draft }, origin))).code,
    ).toBe("NOT_FOUND");
  });
});

describe("[RISK] self-harm present (version 2): a same-day urgent referral to the school's CSMC", () => {
  let evaluationId: string;
  let taskId: string;

  it("cannot be signed without confirming the urgent referral; nothing is created", async () => {
    const started = await startEvaluation(u.psychologist, { caseId: kase.id }, origin);
    evaluationId = started.evaluationId;
    const input = {
      caseId: kase.id,
      evaluationId,
      version: 1,
      intent: "sign",
      answers: fullAnswers(["low_empathy", SELF_HARM]),
      overallLevel: "HIGH",
      rationale: "Refiere ideas de hacerse daño en las últimas semanas.",
    };
    const refused = await appError(saveEvaluation(u.psychologist, input, origin));
    expect(refused).toMatchObject({ code: "INVALID_INPUT", key: "risk.urgentAcknowledge" });
    expect(refused.issues.map((i) => i.field)).toEqual(["urgentAcknowledged"]);
    expect(await evaluationRow(evaluationId)).toMatchObject({ status: "DRAFT", version: 1 });
    expect(await t.db.caseTask.count({ where: { caseId: kase.id } })).toBe(0);
  });

  it("signing creates, in the same transaction, the urgent task to refer to CSMC Trujillo today", async () => {
    const before = new Date();
    const signed = await saveEvaluation(
      u.psychologist,
      {
        caseId: kase.id,
        evaluationId,
        version: 1,
        intent: "sign",
        answers: fullAnswers(["low_empathy", SELF_HARM]),
        overallLevel: "HIGH",
        rationale: "Refiere ideas de hacerse daño en las últimas semanas.",
        urgentAcknowledged: true,
      },
      origin,
    );
    expect(signed.urgentTaskIds).toHaveLength(1);
    taskId = signed.urgentTaskIds[0];
    const task = await t.db.caseTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({
      caseId: kase.id,
      schoolId: kase.schoolId,
      studentId: kase.studentId,
      kind: "URGENT_REFERRAL",
      agencyType: "CSMC",
      agencyId: agencyId("CSMC-TRU"),
      evaluationId,
      doneAt: null,
    });
    expect(task.dueAt).toEqual(endOfLimaDay(before));
    expect(await evaluationRow(evaluationId)).toMatchObject({ status: "SIGNED", suggestedLevel: "HIGH" });
  });

  it("[RISK] the database refuses a signature with self-harm present and no urgent task, even by raw SQL", async () => {
    const { rows } = await sql.query(`SELECT id FROM app_user WHERE email = 'psicologo@demo.pe'`);
    const psy = rows[0].id;
    await sql.query("BEGIN");
    try {
      const { rows: created } = await sql.query(
        `INSERT INTO risk_evaluation ("caseId", "schoolId", "studentId", "instrumentId", "evaluatorId", "draftKey")
         SELECT $1::uuid, $2::uuid, $3::uuid, v.id, $4::uuid, $1::text || ':' || $4::text
           FROM risk_instrument v WHERE v.version = 2 RETURNING id, "instrumentId"`,
        [kase.id, kase.schoolId, kase.studentId, psy],
      );
      const e = created[0];
      await sql.query(
        `INSERT INTO risk_answer ("evaluationId", "itemId", "schoolId", "instrumentId", value)
         SELECT $1, i.id, $2, i."instrumentId", CASE WHEN i.code = $3 THEN 'PRESENT'::"RiskAnswerValue" ELSE 'ABSENT' END
           FROM risk_item i WHERE i."instrumentId" = $4`,
        [e.id, kase.schoolId, SELF_HARM, e.instrumentId],
      );
      await sql.query(
        `UPDATE risk_evaluation SET status = 'SIGNED', "draftKey" = NULL, "signedAt" = now(), "signedById" = $2, "overallLevel" = 'HIGH', rationale = 'r' WHERE id = $1`,
        [e.id, psy],
      );
      await expect(sql.query("COMMIT")).rejects.toMatchObject({ constraint: "risk_evaluation_urgent_item_has_task" });
    } finally {
      await sql.query("ROLLBACK").catch(() => {});
    }
  });

  it("the case team of the school and its director see the task until it is done; another school's director does not", async () => {
    for (const key of ["psychologist", "social", "educator", "director"] as const) {
      const home = await listOpenTasksForHome(u[key]);
      expect(
        home.map((x) => x.id),
        key,
      ).toContain(taskId);
      expect(await openTasksOnCase(u[key], kase.id), key).toEqual([taskId]);
    }
    // What the home page shows of it is the task, its agency, and its case's student and school as recorded.
    const recorded = await t.db.caseTask.findUniqueOrThrow({
      where: { id: taskId },
      select: {
        ...OPEN_TASK_SELECT,
        case: {
          select: {
            id: true,
            student: {
              select: { paternalSurname: true, maternalSurname: true, givenNames: true, grade: true, section: true },
            },
            school: { select: { name: true } },
          },
        },
      },
    });
    expect((await listOpenTasksForHome(u.director)).find((x) => x.id === taskId)).toEqual(recorded);
    for (const key of ["directorSjl", "tutor", "coordinator", "csmc", "bapes"] as const) {
      expect(await listOpenTasksForHome(u[key]), key).toEqual([]);
      expect(await openTasksOnCase(u[key], kase.id), key).toEqual([]);
    }
  });

  it("the social worker records how the referral was made; the educator may not; it is done once", async () => {
    const done = { caseId: kase.id, taskId, channel: "PHONE", contact: "Dra. Pérez, triaje del CSMC Trujillo" };
    expect((await appError(completeCaseTask(u.educator, done, origin))).code).toBe("NOT_FOUND");
    const future = await appError(completeCaseTask(u.social, { ...done, referredAt: "2099-01-01T10:00" }, origin));
    expect(future.key).toBe("task.referredAtFuture");
    await completeCaseTask(u.social, { ...done, note: "Cita hoy a las 4 p. m." }, origin);
    expect((await appError(completeCaseTask(u.psychologist, done, origin))).code).toBe("CONFLICT");
    const task = await t.db.caseTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({ doneById: u.social.id, doneChannel: "PHONE", doneContact: done.contact });
    expect(await listOpenTasksForHome(u.psychologist)).toEqual([]);
    expect(await openTasksOnCase(u.psychologist, kase.id)).toEqual([]);
    expect(await t.db.auditLog.count({ where: { action: "caseTask.complete", entityId: taskId } })).toBe(1);
  });
});

describe("[RISK] who sees what, decided in the queries", () => {
  let evaluationId: string;
  const openAs = (user: SessionUser, id = evaluationId) =>
    getEvaluationOrThrow(user, { caseId: kase.id, evaluationId: id }, origin);
  const codes = (read: Awaited<ReturnType<typeof openAs>>) => (read.answers ?? []).map((a) => a.item.code).sort();

  beforeAll(async () => {
    // The self-harm evaluation signed above: HIGH, with self-harm and low empathy present.
    evaluationId = (await t.db.caseTask.findFirstOrThrow({ where: { caseId: kase.id } })).evaluationId!;
  });

  it("the PSYCHOLOGIST receives every answer, sensitive ones included, and each read is audited", async () => {
    const before = await t.db.auditLog.count({ where: { action: "risk.evaluation.read", entityId: evaluationId } });
    const read = await openAs(u.psychologist);
    expect(read.view).toBe("FULL");
    expect(codes(read)).toEqual([...V2_CODES].sort());
    expect(read.hiddenAnswers).toBe(0);
    const entry = await t.db.auditLog.findFirstOrThrow({
      where: { action: "risk.evaluation.read", entityId: evaluationId, actorId: u.psychologist.id },
      orderBy: { id: "desc" },
    });
    expect(entry.details).toMatchObject({ view: "FULL", answers: V2_CODES.length, sensitive: SENSITIVE.length });
    expect(await t.db.auditLog.count({ where: { action: "risk.evaluation.read", entityId: evaluationId } })).toBe(
      before + 1,
    );
    // The same read again within minutes is one entry, not two.
    await openAs(u.psychologist);
    expect(await t.db.auditLog.count({ where: { action: "risk.evaluation.read", entityId: evaluationId } })).toBe(
      before + 1,
    );
  });

  it("[RISK] the SOCIAL_WORKER receives non-sensitive answers, and the sensitive ones only while the psychologist shares them", async () => {
    const plain = V2_CODES.filter((c) => !SENSITIVE.includes(c)).sort();
    const before = await openAs(u.social);
    expect(codes(before)).toEqual(plain);
    expect(before.hiddenAnswers).toBe(SENSITIVE.length);
    expect(JSON.stringify(before)).not.toContain(SELF_HARM);
    expect(
      (await appError(shareSensitiveAnswers(u.social, { caseId: kase.id, evaluationId, share: true }, origin))).code,
    ).toBe("NOT_FOUND");
    await shareSensitiveAnswers(u.psychologist, { caseId: kase.id, evaluationId, share: true }, origin);
    expect(codes(await openAs(u.social))).toEqual([...V2_CODES].sort());
    // Only this evaluation is shared: the seed's evaluation of the same case stays plain.
    const seed = await openAs(u.social, kase.seedEvaluation);
    expect(seed.answers!.some((a) => a.item.sensitiveCategory)).toBe(false);
    await shareSensitiveAnswers(u.psychologist, { caseId: kase.id, evaluationId, share: false }, origin);
    expect(codes(await openAs(u.social))).toEqual(plain);
    expect(await t.db.auditLog.count({ where: { action: "risk.evaluation.share", entityId: evaluationId } })).toBe(2);
  });

  it("[RISK] asked directly, DIRECTOR and EDUCATOR get level, date and evaluator, and no answer nor rationale", async () => {
    for (const key of ["director", "educator"] as const) {
      const read = await openAs(u[key]);
      expect(read.view).toBe("SUMMARY");
      expect(read.answers).toBeNull();
      expect(read.evaluation).toMatchObject({ overallLevel: "HIGH", evaluatorName: expect.any(String) });
      expect(read.evaluation.evaluatedAt).toBeInstanceOf(Date);
      const payload = JSON.stringify(read);
      for (const word of [SELF_HARM, "low_empathy", "PRESENT", "ABSENT", "rationale", "hacerse daño", "suggestedLevel"])
        expect(payload, `${key}: ${word}`).not.toContain(word);
    }
  });

  it("[REFERRALS] bapes@ gets no evaluation at all, though its referral lists every risk section", async () => {
    const file = await getCaseFileOrThrow(u.bapes, kase.id, origin);
    expect(file.sections).not.toContain("RISK_SUMMARY");
    expect(file.evaluations).toBeNull();
    for (const id of [evaluationId, kase.seedEvaluation])
      expect((await appError(openAs(u.bapes, id))).code).toBe("NOT_FOUND");
    expect((await appError(getEvaluationSeries(u.bapes, kase.id, origin))).code).toBe("NOT_FOUND");
  });

  it("AGENCY_STAFF get what their referral shares, capped by their agency's packet", async () => {
    // A DEMUNA referral sharing answers but not sensitive ones.
    await sql.query(
      `INSERT INTO referral ("caseId", "schoolId", "studentId", "agencyId", reason, urgency, "legalBasis", "legalNorm", "sharedSections", "dueAt")
       VALUES ($1, $2, $3, $4, 'Derivación', 'PRIORITY', 'CHILD_PROTECTION_DUTY', 'Ley 30364', '{IDENTIFICATION,RISK_SUMMARY,RISK_ANSWERS}', now())`,
      [kase.id, kase.schoolId, kase.studentId, agencyId("DEMUNA-TRU")],
    );
    const read = await openAs(u.demuna);
    expect(read.view).toBe("FULL");
    expect(codes(read)).toEqual(V2_CODES.filter((c) => !SENSITIVE.includes(c)).sort());
    // The social worker's sharing flag is for the school's team, never for an agency.
    await shareSensitiveAnswers(u.psychologist, { caseId: kase.id, evaluationId, share: true }, origin);
    expect(codes(await openAs(u.demuna))).not.toContain(SELF_HARM);
    await shareSensitiveAnswers(u.psychologist, { caseId: kase.id, evaluationId, share: false }, origin);
  });
});

describe("[RISK] corrections and change over time", () => {
  let seriesBefore: Awaited<ReturnType<typeof getEvaluationSeries>>;
  let corrected: string;
  let correction: string;

  it("the case shows its evaluations side by side, item by item, with what changed since the previous one", async () => {
    seriesBefore = await getEvaluationSeries(u.psychologist, kase.id, origin);
    expect(seriesBefore.columns).toHaveLength(3);
    expect(seriesBefore.columns.map((c) => c.instrumentVersion)).toEqual([1, 2, 2]);
    const selfHarm = seriesBefore.rows.find((r) => r.item.code === SELF_HARM)!;
    expect(selfHarm.cells.map((c) => [c.value, c.change])).toEqual([
      ["NOT_ASKED", null],
      ["ABSENT", "NEW_ITEM"],
      ["PRESENT", "APPEARED"],
    ]);
    // Versus the seed's v1 answers, the first signed v2 evaluation changed exactly what differs.
    const seedAnswers = await t.db.riskAnswer.findMany({
      where: { evaluationId: kase.seedEvaluation },
      select: { value: true, item: { select: { code: true } } },
    });
    const present = ["low_academic_performance", "friends_linked_to_crime", "family_violence_victim"];
    const expected = { APPEARED: 0, DISAPPEARED: 0, NOW_KNOWN: 0, NOW_UNKNOWN: 0, NEW_ITEM: 1 };
    for (const { value, item } of seedAnswers) {
      const now = present.includes(item.code) ? "PRESENT" : "ABSENT";
      if (value === "UNKNOWN") expected.NOW_KNOWN += 1;
      else if (value !== now) expected[now === "PRESENT" ? "APPEARED" : "DISAPPEARED"] += 1;
    }
    expect(seriesBefore.counts[1]).toEqual(expected);
    // The social worker's comparison has no row for the sensitive items.
    const social = await getEvaluationSeries(u.social, kase.id, origin);
    expect(social.rows.map((r) => r.item.code)).not.toContain(SELF_HARM);
    for (const key of ["educator", "director"] as const)
      expect((await appError(getEvaluationSeries(u[key], kase.id, origin))).code).toBe("NOT_FOUND");
  });

  it("a correction is a new evaluation pointing at the one it corrects, which then leaves the series", async () => {
    corrected = seriesBefore.columns[1].id;
    const started = await startEvaluation(u.psychologist, { caseId: kase.id, correctsId: corrected }, origin);
    correction = started.evaluationId;
    // It starts from the corrected answers.
    const answers = await t.db.riskAnswer.count({ where: { evaluationId: correction } });
    expect(answers).toBe(V2_CODES.length);
    const again = await appError(startEvaluation(u.psychologist2, { caseId: kase.id, correctsId: corrected }, origin));
    expect(again).toMatchObject({ code: "ALREADY_EXISTS", key: "risk.alreadyCorrected" });
    await saveEvaluation(
      u.psychologist,
      {
        caseId: kase.id,
        evaluationId: correction,
        version: 1,
        intent: "sign",
        answers: fullAnswers(["low_academic_performance", "friends_linked_to_crime"]),
        overallLevel: "MODERATE",
        rationale: "Corrección: la violencia familiar se había registrado por error en esta ficha.",
      },
      origin,
    );
    const summaries = (await getCaseFileOrThrow(u.director, kase.id, origin)).evaluations!;
    expect(summaries.find((e) => e.id === corrected)).toMatchObject({ correctedById: correction });
    expect(summaries.find((e) => e.id === correction)).toMatchObject({ correctsId: corrected });
    const after = await getEvaluationSeries(u.psychologist, kase.id, origin);
    expect(after.columns.map((c) => c.id)).not.toContain(corrected);
    expect(after.columns.map((c) => c.id)).toContain(correction);
    expect(await evaluationRow(corrected)).toMatchObject({ status: "SIGNED", overallLevel: "MODERATE" });
  });

  it("a closed case takes no new evaluation", async () => {
    const { rows } = await sql.query(
      `SELECT id FROM case_file WHERE state = 'CLOSED' AND "schoolId" = $1 ORDER BY id LIMIT 1`,
      [schoolId("1000001")],
    );
    const refused = await appError(startEvaluation(u.psychologist, { caseId: rows[0].id }, origin));
    expect(refused.key).toBe("risk.caseClosed");
  });
});

describe("[CONSTRAINTS] risk evaluations and case tasks, written by raw SQL", () => {
  const CHECK = "23514";
  const FK = "23503";
  async function attempt(statement: string) {
    await sql.query("BEGIN");
    try {
      await sql.query(statement);
      return null;
    } catch (error) {
      return error as { code?: string; constraint?: string };
    } finally {
      await sql.query("ROLLBACK");
    }
  }
  const evaluation = (columns: Record<string, string>) => {
    const all = {
      caseId: `'${kase.id}'`,
      schoolId: `'${kase.schoolId}'`,
      studentId: `'${kase.studentId}'`,
      instrumentId: `(SELECT id FROM risk_instrument WHERE version = 2)`,
      evaluatorId: `'${u.psychologist.id}'`,
      ...columns,
    };
    return `INSERT INTO risk_evaluation (${Object.keys(all)
      .map((k) => `"${k}"`)
      .join(", ")}) VALUES (${Object.values(all).join(", ")})`;
  };
  const signedCols = () => ({
    status: "'SIGNED'",
    signedAt: "now()",
    signedById: `'${u.psychologist.id}'`,
    overallLevel: "'LOW'",
    rationale: "'Sin factores relevantes.'",
  });

  it("risk_evaluation_signed_is_complete_chk: a signed evaluation has a signer, a date, a level and a rationale", async () => {
    const refused = { code: CHECK, constraint: "risk_evaluation_signed_is_complete_chk" };
    expect(await attempt(evaluation({ ...signedCols(), rationale: "'  '" }))).toMatchObject(refused);
    expect(await attempt(evaluation({ ...signedCols(), overallLevel: "NULL" }))).toMatchObject(refused);
    expect(await attempt(evaluation({ ...signedCols(), signedById: "NULL" }))).toMatchObject(refused);
    expect(await attempt(evaluation(signedCols()))).toBeNull();
  });

  it("risk_evaluation_draft_key_matches_status_chk: a draft is one evaluator's, one per case", async () => {
    const refused = { code: CHECK, constraint: "risk_evaluation_draft_key_matches_status_chk" };
    expect(await attempt(evaluation({ draftKey: "'otra-cosa'" }))).toMatchObject(refused);
    expect(await attempt(evaluation({ draftKey: "NULL" }))).toMatchObject(refused);
    expect(await attempt(evaluation({ ...signedCols(), draftKey: `'${kase.id}:${u.psychologist.id}'` }))).toMatchObject(
      refused,
    );
    expect(await attempt(evaluation({ draftKey: `'${kase.id}:${u.psychologist.id}'` }))).toBeNull();
  });

  it("risk_evaluation_correctsId_caseId_fkey: a correction corrects an evaluation of its own case", async () => {
    const { rows } = await sql.query(`SELECT id FROM risk_evaluation WHERE "caseId" <> $1 LIMIT 1`, [kase.id]);
    expect(await attempt(evaluation({ ...signedCols(), correctsId: `'${rows[0].id}'` }))).toMatchObject({
      code: FK,
      constraint: "risk_evaluation_correctsId_caseId_fkey",
    });
    const id = "'00000000-0000-4000-8000-000000000001'";
    expect(await attempt(evaluation({ ...signedCols(), id, correctsId: id }))).toMatchObject({
      code: CHECK,
      constraint: "risk_evaluation_not_own_correction_chk",
    });
  });

  const task = (columns: Record<string, string>) => {
    const all = {
      caseId: `'${kase.id}'`,
      schoolId: `'${kase.schoolId}'`,
      studentId: `'${kase.studentId}'`,
      kind: "'URGENT_REFERRAL'",
      agencyType: "'CSMC'",
      dueAt: "now()",
      ...columns,
    };
    return `INSERT INTO case_task (${Object.keys(all)
      .map((k) => `"${k}"`)
      .join(", ")}) VALUES (${Object.values(all).join(", ")})`;
  };

  it("case_task_done_is_recorded_chk: a done task says who, when, and how (or through which referral)", async () => {
    const refused = { code: CHECK, constraint: "case_task_done_is_recorded_chk" };
    const by = `'${u.social.id}'`;
    expect(await attempt(task({ doneAt: "now()" }))).toMatchObject(refused);
    expect(
      await attempt(task({ doneAt: "now()", doneById: by, doneChannel: "'PHONE'", doneContact: "''" })),
    ).toMatchObject(refused);
    expect(
      await attempt(task({ doneAt: "now()", doneById: by, doneChannel: "'PHONE'", doneContact: "'Dra. Pérez'" })),
    ).toBeNull();
    const referral = `(SELECT id FROM referral WHERE "caseId" = '${kase.id}' LIMIT 1)`;
    expect(await attempt(task({ doneAt: "now()", doneById: by, referralId: referral }))).toBeNull();
  });

  it("case_task_caseId_schoolId_studentId_fkey and case_task_evaluationId_caseId_fkey: a task stays on its case", async () => {
    expect(await attempt(task({ schoolId: `'${schoolId("1000002")}'` }))).toMatchObject({
      code: FK,
      constraint: "case_task_caseId_schoolId_studentId_fkey",
    });
    const { rows } = await sql.query(`SELECT id FROM risk_evaluation WHERE "caseId" <> $1 LIMIT 1`, [kase.id]);
    expect(await attempt(task({ evaluationId: `'${rows[0].id}'` }))).toMatchObject({
      code: FK,
      constraint: "case_task_evaluationId_caseId_fkey",
    });
  });

  it("a signed evaluation goes away only with its whole case", async () => {
    await sql.query("BEGIN");
    try {
      await sql.query(`DELETE FROM case_file WHERE id = $1`, [kase.id]);
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM risk_evaluation WHERE "caseId" = $1`, [kase.id]);
      expect(rows[0].n).toBe(0);
    } finally {
      await sql.query("ROLLBACK");
    }
  });
});
