import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import type { RequestOrigin, SessionUser } from "../auth/types";

// Every read of a case file and every mutation writes one entry, inside the same transaction
// as the work it records: if the work rolls back, so does its entry, and vice versa.
// The table is append-only (database trigger), so entries cannot be edited afterwards.

export type AuditEntry = {
  action: string; // verb-ish code, e.g. "case.read", "student.import", "attendance.save"
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
