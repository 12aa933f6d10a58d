import "server-only";
import { parseOrThrow } from "../actions/parse";
import { writeAudit } from "../audit/write-audit";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import type { Locale } from "../generated/prisma/enums";
import { ZUpdateLocaleSchema } from "./schema";

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

/**
 * The language form. Own-account setting: any signed-in user, so no permission from the
 * policy table applies.
 */
export async function updateOwnLocale(
  user: SessionUser | null,
  input: unknown,
  origin?: RequestOrigin,
): Promise<{ locale: Locale }> {
  if (!user) throw new AppError("UNAUTHENTICATED", "signIn");
  const { locale } = parseOrThrow(ZUpdateLocaleSchema, input);
  await saveUserLocale(user, locale, origin);
  return { locale };
}
