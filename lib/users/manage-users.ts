import "server-only";
import { parseOrThrow } from "../actions/parse";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { openSessionCounts, revokeAllSessions } from "../auth/sessions";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import type { Role } from "../generated/prisma/enums";
import { ZSetUserActiveSchema, ZUserRefSchema } from "./schema";

// Account administration for ADMIN (users.manage): who has an account, whether it is active, how
// many sessions it has open, and the two ways to stop an account being used now: ending its
// sessions («cerrar sesiones») and deactivating it (which ends them too). Decision 020.

export type ManagedUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  openSessions: number;
};

export async function listManagedUsers(user: SessionUser | null): Promise<ManagedUser[]> {
  authorize(user, "users.manage");
  const users = await db.user.findMany({
    select: { id: true, name: true, email: true, role: true, active: true },
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
  const open = await openSessionCounts(
    db,
    users.map((u) => u.id),
  );
  return users.map((u) => ({ ...u, openSessions: open.get(u.id) ?? 0 }));
}

/** «Cerrar sesiones»: every session of the account ends at its next request. */
export async function endUserSessions(
  user: SessionUser | null,
  input: unknown,
  origin?: RequestOrigin,
): Promise<{ sessionsEnded: number }> {
  authorize(user, "users.manage");
  const { userId } = parseOrThrow(ZUserRefSchema, input, { notFoundFields: ["userId"] });
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!target) throw new AppError("NOT_FOUND", "user.notFound");
    const sessionsEnded = await revokeAllSessions(tx, userId);
    await writeAudit(
      tx,
      user,
      { action: "user.sessions.end", entity: "User", entityId: userId, details: { sessionsEnded } },
      origin,
    );
    return { sessionsEnded };
  });
}

/** Deactivates (ending every session) or reactivates an account. Users are never deleted. */
export async function setUserActive(
  user: SessionUser | null,
  input: unknown,
  origin?: RequestOrigin,
): Promise<{ active: boolean; sessionsEnded: number }> {
  authorize(user, "users.manage");
  const { userId, active } = parseOrThrow(ZSetUserActiveSchema, input, { notFoundFields: ["userId"] });
  if (!active && userId === user.id) throw new AppError("INVALID_INPUT", "user.cannotDeactivateSelf");
  return db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId, active: !active }, data: { active } });
    if (updated.count === 0) {
      const exists = await tx.user.count({ where: { id: userId } });
      if (!exists) throw new AppError("NOT_FOUND", "user.notFound");
      return { active, sessionsEnded: 0 }; // already in that state
    }
    const sessionsEnded = active ? 0 : await revokeAllSessions(tx, userId);
    await writeAudit(
      tx,
      user,
      {
        action: active ? "user.reactivate" : "user.deactivate",
        entity: "User",
        entityId: userId,
        details: active ? {} : { sessionsEnded },
      },
      origin,
    );
    return { active, sessionsEnded };
  });
}
