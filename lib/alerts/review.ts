import "server-only";
import { parseOrThrow } from "../actions/parse";
import { db } from "../db";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { alertWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { AppError } from "../errors/app-error";
import { ALERT_WRITE_LOCK } from "./compute-sql";
import { ZDismissAlertSchema } from "./schema";

// Reviewing an alert. Dismissing needs a written reason; the alert leaves the inbox (its
// openKey is cleared) and its lastDate marks the evidence as reviewed, so recomputing does
// not raise it again (docs/decisions/006-alert-rules.md).

export async function dismissAlert(
  user: SessionUser | null,
  input: unknown,
  origin?: RequestOrigin,
): Promise<{ alertId: string }> {
  authorize(user, "alerts.review");
  const { alertId, reason } = parseOrThrow(ZDismissAlertSchema, input, { notFoundFields: ["alertId"] });
  return db.$transaction(async (tx) => {
    // Waits for a running recompute, so it cannot re-raise what is being dismissed.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${ALERT_WRITE_LOCK}::bigint)`;
    const alert = await tx.alert.findFirst({
      where: { AND: [{ id: alertId }, alertWhere(user)] },
      select: { id: true, status: true, kind: true, schoolId: true, studentId: true },
    });
    if (!alert) throw new AppError("NOT_FOUND", "alert.notFound");
    // Guarded on status: a concurrent dismissal or case opening wins, this one is refused.
    const { count } = await tx.alert.updateMany({
      where: { AND: [{ id: alertId, status: "OPEN" }, alertWhere(user)] },
      data: {
        status: "DISMISSED",
        openKey: null,
        dismissReason: reason,
        resolvedById: user.id,
        resolvedAt: new Date(),
      },
    });
    if (count === 0) throw new AppError("CONFLICT", "alert.alreadyReviewed");
    // The reason is free text about a child and stays on the alert; the append-only log, which
    // administrators and coordinators read, records only that one was given.
    await writeAudit(
      tx,
      user,
      {
        action: "alert.dismiss",
        entity: "Alert",
        entityId: alert.id,
        schoolId: alert.schoolId,
        details: { kind: alert.kind, studentId: alert.studentId, reasonLength: reason.length },
      },
      origin,
    );
    return { alertId: alert.id };
  });
}
