import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import type { RequestOrigin, SessionUser } from "../auth/types";

// Every read of a case file and every mutation writes one entry, inside the same transaction
// as the work it records: if the work rolls back, so does its entry, and vice versa.
// The table is append-only (database trigger), so entries cannot be edited afterwards.

/**
 * Every action the log knows, as `domain.verb`. A union rather than free text: a misspelt
 * action would be a row no report or filter ever finds, so it must fail the type check.
 */
export type AuditAction =
  | "auth.signin"
  | "auth.signin_failed"
  | "auth.signout"
  | "user.locale.update"
  | "user.password.change"
  | "user.sessions.end"
  | "user.deactivate"
  | "user.reactivate"
  | "student.create"
  | "student.update"
  | "student.status"
  | "student.import"
  | "attendance.save"
  | "attendance.import"
  | "alert.dismiss"
  | "alertRule.update"
  | "alertRule.createDefault"
  | "holiday.add"
  | "holiday.remove"
  | "alert.raise"
  | "case.open"
  | "case.alert.attach"
  | "case.read"
  | "case.read_denied"
  | "case.state.change"
  | "case.assign"
  | "case.unassign"
  | "case.note.add"
  | "risk.evaluation.create"
  | "risk.evaluation.saveDraft"
  | "risk.evaluation.sign"
  | "risk.evaluation.discard"
  | "risk.evaluation.share"
  | "risk.evaluation.read"
  | "caseTask.create"
  | "caseTask.complete"
  | "visit.schedule"
  | "visit.read"
  | "visit.outcome.record"
  | "contact.attempt.record"
  | "student.address.correct"
  | "student.address.confirm"
  | "notification.read"
  | "notification.readAll"
  | "referral.create"
  | "referral.read"
  | "referral.read_denied"
  | "referral.list"
  | "referral.accept"
  | "referral.reject"
  | "referral.start"
  | "referral.close"
  | "referralDeadline.update"
  | "referral.overdue"
  | "referral.dueSoon"
  | "report.export"
  | "retention.settings.update"
  | "retention.anonymise"
  | "seed.demo";

/** An action as a typed value, for set-based SQL that writes audit rows itself. */
export const auditAction = (action: AuditAction): AuditAction => action;

export type AuditEntry = {
  action: AuditAction;
  entity: string; // model name, e.g. "Case"
  entityId?: string | null;
  schoolId?: string | null;
  details?: Prisma.InputJsonValue;
};

export function originText(origin?: RequestOrigin): string | null {
  if (!origin) return null;
  return [origin.via ?? "web", origin.ip ?? "", origin.userAgent ?? ""].join(" | ").slice(0, 500);
}

export async function writeAudit(
  tx: Tx,
  actor: Pick<SessionUser, "id" | "role"> | null,
  entry: AuditEntry,
  origin?: RequestOrigin,
) {
  await tx.auditLog.create({
    data: {
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      schoolId: entry.schoolId ?? null,
      origin: originText(origin),
      details: entry.details,
    },
  });
}
