import "server-only";
import { parseOrThrow } from "../actions/parse";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { caseWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { bumpCaseVersion } from "../cases/case-lock";
import { db } from "../db";
import { AppError, fieldIssue } from "../errors/app-error";
import { limaDateTime } from "./due";
import { ZCompleteTaskSchema } from "./schema";

// "Derivación realizada": how the urgent referral was made (channel, to whom, when), recorded
// by the psychologist or the social worker. Once the referral inbox exists, creating a
// referral will complete the task instead (case_task.referralId).

/** Typed times may run a few minutes ahead of the server's clock. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export async function completeCaseTask(
  user: SessionUser | null,
  input: unknown, // validated with ZCompleteTaskSchema
  origin?: RequestOrigin,
): Promise<{ caseId: string; taskId: string }> {
  authorize(user, "caseTasks.complete");
  const { caseId, taskId, channel, contact, referredAt, note } = parseOrThrow(ZCompleteTaskSchema, input, {
    notFoundFields: ["caseId", "taskId"],
  });
  const now = new Date();
  const when = referredAt ? limaDateTime(referredAt)! : now;
  if (when.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError("INVALID_INPUT", "task.referredAtFuture", {}, [
      fieldIssue("referredAt", "task.referredAtFuture"),
    ]);
  }
  return db.$transaction(async (tx) => {
    const scoped = { id: taskId, caseId, case: caseWhere(user) };
    const { count } = await tx.caseTask.updateMany({
      where: { ...scoped, doneAt: null },
      data: {
        doneAt: now,
        doneById: user.id,
        doneChannel: channel,
        doneContact: contact,
        referredAt: when,
        doneNote: note ?? null,
      },
    });
    const task = await tx.caseTask.findFirst({
      where: scoped,
      select: {
        id: true,
        schoolId: true,
        kind: true,
        agencyType: true,
        doneById: true,
        agency: { select: { name: true } },
      },
    });
    if (!task) throw new AppError("NOT_FOUND", "task.notFound");
    if (count === 0) throw new AppError("CONFLICT", "task.alreadyDone");
    await bumpCaseVersion(tx, user, caseId);
    await tx.caseEvent.create({
      data: {
        caseId,
        schoolId: task.schoolId,
        type: "REFERRAL",
        actorId: user.id,
        occurredAt: now,
        body: note ?? null,
        data: {
          taskId: task.id,
          task: task.kind,
          stage: "DONE",
          agencyType: task.agencyType,
          agencyName: task.agency?.name ?? null,
          channel,
          contact,
          referredAt: when.toISOString(),
        },
      },
    });
    await writeAudit(
      tx,
      user,
      {
        action: "caseTask.complete",
        entity: "CaseTask",
        entityId: task.id,
        schoolId: task.schoolId,
        details: { caseId, channel, referredAt: when.toISOString() },
      },
      origin,
    );
    return { caseId, taskId: task.id };
  });
}
