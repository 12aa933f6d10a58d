import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db";
import type { AgencyType, Locale, Role } from "../generated/prisma/enums";
import { authOptions } from "./options";
import type { SessionUser } from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  agencyId: string | null;
  agencyType: AgencyType | null;
  schoolIds: string[];
};

/**
 * The user as authorization must see them *now*: one query by primary key. A deactivated
 * user, or one whose agency was deactivated, loses access on their next request, and a
 * change of role or schools applies immediately, whatever the session token still says.
 */
export async function loadSessionUser(userId: string): Promise<SessionUser | null> {
  if (!UUID.test(userId)) return null;
  const rows = await db.$queryRaw<Row[]>`
    SELECT u.id::text AS id, u.email, u.name, u.role::text AS role, u.locale::text AS locale,
           a.id::text AS "agencyId", a.type::text AS "agencyType",
           COALESCE(array_agg(us."schoolId"::text ORDER BY us."schoolId") FILTER (WHERE us."schoolId" IS NOT NULL), '{}') AS "schoolIds"
      FROM app_user u
      LEFT JOIN agency a ON a.id = u."agencyId" AND a.active
      LEFT JOIN user_school us ON us."userId" = u.id
     WHERE u.id = ${userId}::uuid AND u.active
     GROUP BY u.id, a.id`;
  const row = rows[0];
  if (!row) return null;
  return { ...row, schoolIds: [...row.schoolIds] };
}

/** The signed-in user, re-read from the database; deduplicated within one request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  return id ? loadSessionUser(id) : null;
});

/** For pages and actions that need a signed-in user: otherwise go to the login page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
