import "server-only";
import { parseOrThrow } from "../actions/parse";
import { writeAudit } from "../audit/write-audit";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import { ownNotificationsWhere, requireSignedIn } from "./queries";
import { ZMarkAllNotificationsReadSchema, ZMarkNotificationReadSchema } from "./schema";

// Marking notifications read. The caller's own id is in every where: another user's
// notification is "not found". Marking an already-read one again changes nothing and is fine
// (two tabs), so it is not an error.

export async function markNotificationRead(user: SessionUser | null, input: unknown, origin?: RequestOrigin) {
  requireSignedIn(user);
  const { notificationId } = parseOrThrow(ZMarkNotificationReadSchema, input, {
    notFoundFields: ["notificationId"],
  });
  return db.$transaction(async (tx) => {
    const own = await tx.notification.findFirst({
      where: { id: notificationId, ...ownNotificationsWhere(user) },
      select: { id: true, readAt: true, schoolId: true },
    });
    if (!own) throw new AppError("NOT_FOUND", "notification.notFound");
    if (own.readAt) return { notificationId, changed: 0 };
    const { count } = await tx.notification.updateMany({
      where: { id: notificationId, ...ownNotificationsWhere(user), readAt: null },
      data: { readAt: new Date() },
    });
    if (count > 0) {
      await writeAudit(
        tx,
        user,
        { action: "notification.read", entity: "Notification", entityId: notificationId, schoolId: own.schoolId },
        origin,
      );
    }
    return { notificationId, changed: count };
  });
}

export async function markAllNotificationsRead(user: SessionUser | null, input: unknown, origin?: RequestOrigin) {
  requireSignedIn(user);
  parseOrThrow(ZMarkAllNotificationsReadSchema, input ?? {});
  return db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { ...ownNotificationsWhere(user), readAt: null },
      data: { readAt: new Date() },
    });
    if (count > 0) {
      await writeAudit(
        tx,
        user,
        { action: "notification.readAll", entity: "Notification", details: { count } },
        origin,
      );
    }
    return { changed: count };
  });
}
