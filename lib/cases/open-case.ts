import "server-only";
import { db, type Tx } from "../db";
import { ALERT_WRITE_LOCK } from "../alerts/compute-sql";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { alertWhere, caseWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { AppError } from "../errors/app-error";
import type { Alert } from "../generated/prisma/client";
import { isOpenCaseClash } from "./case-lock";
import { parseOrThrow } from "../actions/parse";
import { ZOpenCaseFromAlertSchema } from "../alerts/schema";

// Opening a case from an alert. One open episode per student: `case_file.openKey` holds the
// student's id while the case is not CLOSED (unique), so a second alert for the same student
// joins the open case instead of starting another one.

const alertNotFound = () => new AppError("NOT_FOUND", "alert.notFound");

export type OpenCaseResult = { caseId: string; created: boolean };

export async function openCaseFromAlert(
  user: SessionUser | null,
  input: unknown, // validated with ZOpenCaseFromAlertSchema
  origin?: RequestOrigin,
): Promise<OpenCaseResult> {
  authorize(user, "cases.create");
  const { alertId } = parseOrThrow(ZOpenCaseFromAlertSchema, input, { notFoundFields: ["alertId"] });
  try {
    return await db.$transaction((tx) => openInTransaction(tx, user, alertId, origin));
  } catch (e) {
    // Two people opened a case for the same student at the same moment: the other insert won.
    // Run again; this time the open case exists and the alert is attached to it.
    if (!isOpenCaseClash(e)) throw e;
  }
  try {
    return await db.$transaction((tx) => openInTransaction(tx, user, alertId, origin));
  } catch (e) {
    // Still clashing: the open episode belongs to a school outside this user's scope.
    if (isOpenCaseClash(e)) throw new AppError("ALREADY_EXISTS", "case.openElsewhere");
    throw e;
  }
}

async function openInTransaction(
  tx: Tx,
  user: SessionUser,
  alertId: string,
  origin?: RequestOrigin,
): Promise<OpenCaseResult> {
  // Like a dismissal, waits for a running alert recompute so the evidence behind this alert
  // cannot fire a second alert while its status changes (docs/decisions/006-alert-rules.md).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${ALERT_WRITE_LOCK}::bigint)`;
  const alert = await tx.alert.findFirst({ where: { AND: [{ id: alertId }, alertWhere(user)] } });
  if (!alert) throw alertNotFound();
  if (alert.status === "CASE_OPENED" && alert.caseId) return { caseId: alert.caseId, created: false };
  if (alert.status !== "OPEN") {
    throw new AppError("CONFLICT", "alert.dismissed");
  }

  const existing = await tx.case.findFirst({
    where: { AND: [{ openKey: alert.studentId }, caseWhere(user)] },
    select: { id: true, schoolId: true },
  });
  const caseId = existing ? await attachToOpenCase(tx, existing.id) : await createCase(tx, user, alert);

  // Guarded on status so a concurrent dismissal or second opening cannot be overwritten.
  const { count } = await tx.alert.updateMany({
    where: { id: alert.id, status: "OPEN" },
    data: { status: "CASE_OPENED", caseId, openKey: null, resolvedById: user.id, resolvedAt: new Date() },
  });
  if (count === 0) throw new AppError("CONFLICT", "alert.handledMeanwhile");

  await tx.caseEvent.create({
    data: {
      caseId,
      schoolId: alert.schoolId,
      type: "ALERT",
      actorId: user.id,
      data: {
        alertIds: [alert.id],
        kind: alert.kind,
        figures: alert.figures ?? {},
        firstDate: alert.firstDate?.toISOString().slice(0, 10) ?? null,
        lastDate: alert.lastDate?.toISOString().slice(0, 10) ?? null,
        attachedToExisting: Boolean(existing),
      },
    },
  });
  await writeAudit(
    tx,
    user,
    {
      action: existing ? "case.alert.attach" : "case.open",
      entity: "Case",
      entityId: caseId,
      schoolId: alert.schoolId,
      details: { alertId: alert.id, kind: alert.kind, studentId: alert.studentId },
    },
    origin,
  );
  return { caseId, created: !existing };
}

async function createCase(tx: Tx, user: SessionUser, alert: Alert): Promise<string> {
  const created = await tx.case.create({
    data: {
      schoolId: alert.schoolId,
      studentId: alert.studentId,
      state: "OPEN",
      openKey: alert.studentId,
      openedById: user.id,
    },
    select: { id: true },
  });
  await tx.caseEvent.create({
    data: {
      caseId: created.id,
      schoolId: alert.schoolId,
      type: "STATE_CHANGE",
      actorId: user.id,
      data: { from: null, to: "OPEN", kind: "OPEN_FROM_ALERT", alertIds: [alert.id] },
    },
  });
  return created.id;
}

/** A new alert changes the case file, so the version moves: an open form must reload. */
async function attachToOpenCase(tx: Tx, caseId: string): Promise<string> {
  await tx.case.update({ where: { id: caseId }, data: { version: { increment: 1 } } });
  return caseId;
}
