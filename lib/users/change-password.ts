import "server-only";
import { parseOrThrow } from "../actions/parse";
import { writeAudit } from "../audit/write-audit";
import { hashPassword, verifyPassword } from "../auth/password";
import { revokeAllSessions } from "../auth/sessions";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import { AppError, fieldIssue } from "../errors/app-error";
import { ZChangePasswordSchema } from "./schema";

/**
 * A user changes their own password. Every session of the account ends, this one included
 * (whoever else knew the old password may hold one), so the user signs in again with the new
 * password. Own-account setting: any signed-in user, no policy permission involved.
 */
export async function changeOwnPassword(
  user: SessionUser | null,
  input: unknown,
  origin?: RequestOrigin,
): Promise<{ sessionsEnded: number }> {
  if (!user) throw new AppError("UNAUTHENTICATED", "signIn");
  const { currentPassword, newPassword } = parseOrThrow(ZChangePasswordSchema, input);
  const account = await db.user.findFirst({ where: { id: user.id, active: true }, select: { passwordHash: true } });
  if (!account) throw new AppError("UNAUTHENTICATED", "signIn");
  if (!(await verifyPassword(currentPassword, account.passwordHash))) {
    throw new AppError("INVALID_INPUT", "user.currentPasswordWrong", {}, [
      fieldIssue("currentPassword", "user.currentPasswordWrong"),
    ]);
  }
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const sessionsEnded = await revokeAllSessions(tx, user.id);
    await writeAudit(
      tx,
      user,
      { action: "user.password.change", entity: "User", entityId: user.id, details: { sessionsEnded } },
      origin,
    );
    return { sessionsEnded };
  });
}
