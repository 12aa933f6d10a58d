import "server-only";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { caseWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import { dayFromIso, todayInLima } from "../format/date";
import { findEligibleAssignee } from "./assignees";
import { visitScheduledEntry } from "./events";
import { parseVisitInput } from "./parse";
import { ZScheduleVisitSchema } from "./schema";
import { monthsBefore } from "./staleness";

// Scheduling a home visit from a case: the case must be in the caller's scope and not closed,
// the assignee an active case-team member of the case's school. The visit, its timeline entry
// and the audit entry are written in one transaction.

export const CASE_NOT_FOUND = "El caso no existe o no está a su alcance.";

/** How far ahead a visit may be planned. */
const MAX_MONTHS_AHEAD = 3;

export type ScheduleVisitResult = { visitId: string; caseId: string };

export async function scheduleVisit(
  user: SessionUser | null,
  input: unknown, // validated with ZScheduleVisitSchema
  origin?: RequestOrigin,
): Promise<ScheduleVisitResult> {
  authorize(user, "visits.write");
  const { caseId, scheduledFor, timeWindow, assigneeId, purpose } = parseVisitInput(ZScheduleVisitSchema, input);
  const today = todayInLima();
  if (scheduledFor < today) {
    const message = "La fecha de la visita no puede ser anterior a hoy.";
    throw new AppError("INVALID_INPUT", message, [{ field: "scheduledFor", message }]);
  }
  // monthsBefore with a negative count walks forward.
  if (scheduledFor > monthsBefore(today, -MAX_MONTHS_AHEAD)) {
    const message = `Programe la visita dentro de los próximos ${MAX_MONTHS_AHEAD} meses.`;
    throw new AppError("INVALID_INPUT", message, [{ field: "scheduledFor", message }]);
  }

  return db.$transaction(async (tx) => {
    const c = await tx.case.findFirst({
      where: { AND: [{ id: caseId }, caseWhere(user)] },
      select: { id: true, schoolId: true, studentId: true, state: true },
    });
    if (!c) throw new AppError("NOT_FOUND", CASE_NOT_FOUND);
    if (c.state === "CLOSED") {
      throw new AppError("INVALID_INPUT", "El caso está cerrado; reábralo para programar una visita.");
    }
    const assignee = await findEligibleAssignee(tx, assigneeId, c.schoolId);
    if (!assignee) {
      const message =
        "Elija a un integrante activo del equipo (trabajo social, educación o psicología) de este colegio.";
      throw new AppError("INVALID_INPUT", message, [{ field: "assigneeId", message }]);
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
