import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import type { Locale } from "../generated/prisma/enums";

/**
 * Stores the interface language on the user's own account, audited in the same transaction.
 * Bound to the session user's id: nobody can change another account's language here.
 * Returns false when nothing changed (no write, no audit entry).
 */
export async function saveUserLocale(user: SessionUser, locale: Locale, origin?: RequestOrigin): Promise<boolean> {
  if (locale === user.locale) return false;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id, active: true }, data: { locale } });
    await writeAudit(
      tx,
      user,
      { action: "user.locale.update", entity: "User", entityId: user.id, details: { from: user.locale, to: locale } },
      origin,
    );
  });
  return true;
}
