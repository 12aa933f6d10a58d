import "server-only";
import type pg from "pg";
import { fromPrisma, type Db as JobDb } from "pg-boss";
import type { Tx } from "../db";
import { getSender } from "./boss";
import { QUEUES, ZNotificationEmailJob, ZRecomputeSchoolJob, ZRecomputeStudentsJob } from "./queues";

// Jobs are written by the caller's own transaction: a committed change always has its job, and
// a rolled-back one never does. pg-boss takes any executor of `executeSql(text, values)`; these
// adapt the two kinds of transaction the app has.

/** Prisma interactive transaction (`db.$transaction(async (tx) => …)`). */
export function prismaJobDb(tx: Tx): JobDb {
  return fromPrisma(tx);
}

/** Plain pg connection between BEGIN and COMMIT (bulk imports, lib/imports/pg.ts). */
export function pgJobDb(client: Pick<pg.ClientBase, "query">): JobDb {
  return {
    executeSql: async (text, values) => ({ rows: (await client.query(text, values)).rows }),
  };
}

/**
 * Past this many students a list would make a heavy payload and an incremental run no cheaper
 * than the whole school (an import of a full term, for instance).
 */
export const MAX_LISTED_STUDENTS = 2_000;

/** Queues the alert recompute for students whose attendance changed, in the caller's transaction. */
export async function enqueueAlertRecompute(
  db: JobDb,
  input: { schoolId: string; studentIds: readonly string[] },
): Promise<void> {
  const studentIds = [...new Set(input.studentIds)];
  if (studentIds.length === 0) return;
  if (studentIds.length > MAX_LISTED_STUDENTS) return enqueueSchoolRecompute(db, input.schoolId);
  const boss = await getSender();
  await boss.send(QUEUES.recomputeStudents, ZRecomputeStudentsJob.parse({ schoolId: input.schoolId, studentIds }), {
    db,
  });
}

/** Queues a full recompute of one school (new rules, a very large import), in the caller's transaction. */
export async function enqueueSchoolRecompute(db: JobDb, schoolId: string): Promise<void> {
  const boss = await getSender();
  await boss.send(QUEUES.recomputeSchool, ZRecomputeSchoolJob.parse({ schoolId }), { db });
}

/**
 * Queues the emails of new notifications, in the transaction that wrote them: they go out only
 * once it has committed, and a failed send is retried by the job without touching them.
 */
export async function enqueueNotificationEmail(db: JobDb, notificationIds: readonly string[]): Promise<void> {
  if (notificationIds.length === 0) return;
  const boss = await getSender();
  await boss.send(QUEUES.notificationEmail, ZNotificationEmailJob.parse({ notificationIds: [...notificationIds] }), {
    db,
  });
}
