import "server-only";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { caseWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import { parseOrThrow } from "../actions/parse";
import { AppError, fieldIssue } from "../errors/app-error";
import { dayFromIso, todayInLima } from "../format/date";
import { findEligibleAssignee } from "./assignees";
import { visitScheduledEntry } from "./events";
import { ZScheduleVisitSchema } from "./schema";
import { monthsBefore } from "./staleness";

// Scheduling a home visit from a case: the case must be in the caller's scope and not closed,
// the assignee an active case-team member of the case's school. The visit, its timeline entry
// and the audit entry are written in one transaction.

/** How far ahead a visit may be planned. */
const MAX_MONTHS_AHEAD = 3;

export type ScheduleVisitResult = { visitId: string; caseId: string };

export async function scheduleVisit(
  user: SessionUser | null,
  input: unknown, // validated with ZScheduleVisitSchema
  origin?: RequestOrigin,
): Promise<ScheduleVisitResult> {
  authorize(user, "visits.write");
  const { caseId, scheduledFor, timeWindow, assigneeId, purpose } = parseOrThrow(ZScheduleVisitSchema, input, {
    notFoundFields: ["caseId"],
  });
  const today = todayInLima();
  if (scheduledFor < today) {
    throw new AppError("INVALID_INPUT", "visit.pastDate", {}, [fieldIssue("scheduledFor", "visit.pastDate")]);
  }
  // monthsBefore with a negative count walks forward.
  if (scheduledFor > monthsBefore(today, -MAX_MONTHS_AHEAD)) {
    throw new AppError("INVALID_INPUT", "visit.tooFarAhead", {}, [fieldIssue("scheduledFor", "visit.tooFarAhead")]);
  }

  return db.$transaction(async (tx) => {
    const c = await tx.case.findFirst({
      where: { AND: [{ id: caseId }, caseWhere(user)] },
      select: { id: true, schoolId: true, studentId: true, state: true },
    });
    if (!c) throw new AppError("NOT_FOUND", "case.notFound");
    if (c.state === "CLOSED") throw new AppError("INVALID_INPUT", "visit.caseClosed");
    const assignee = await findEligibleAssignee(tx, assigneeId, c.schoolId);
    if (!assignee) {
      throw new AppError("INVALID_INPUT", "visit.assigneeNotEligible", {}, [
        fieldIssue("assigneeId", "visit.assigneeNotEligible"),
      ]);
    }
    const visit = await tx.homeVisit.create({
      data: {
        caseId: c.id,
        schoolId: c.schoolId,
        studentId: c.studentId,
        scheduledFor: dayFromIso(scheduledFor),
        timeWindow,
        purpose,
        assigneeId: assignee.id,
        status: "SCHEDULED",
        createdById: user.id,
      },
      select: { id: true },
    });
    const entry = visitScheduledEntry({
      visitId: visit.id,
      scheduledFor,
      timeWindow,
      assigneeId: assignee.id,
      assigneeName: assignee.name,
    });
    await tx.caseEvent.create({
      data: {
        caseId: c.id,
        schoolId: c.schoolId,
        type: "HOME_VISIT",
        actorId: user.id,
        body: entry.body,
        data: entry.data,
      },
    });
    await writeAudit(
      tx,
      user,
      {
        action: "visit.schedule",
        entity: "HomeVisit",
        entityId: visit.id,
        schoolId: c.schoolId,
        details: { caseId: c.id, scheduledFor, timeWindow, assigneeId: assignee.id },
      },
      origin,
    );
    return { visitId: visit.id, caseId: c.id };
  });
}
