import "server-only";
import { db } from "../db";
import { authorize } from "../auth/authorize";
import type { Permission } from "../auth/policy";
import { scopedSchoolIds } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { AppError } from "../errors/app-error";

export type ImportSchool = { id: string; codigoModular: string; name: string };

const notInScope = (code: string) => new AppError("NOT_FOUND", "school.codeNotFound", { code });

/**
 * The user-facing gate of every import: permission first, then the school looked up by código
 * modular *within* the user's scope, so another school reads exactly like an unknown one.
 */
export async function resolveImportSchool(
  user: SessionUser | null | undefined,
  permission: Permission,
  schoolCode: string,
): Promise<ImportSchool> {
  authorize(user, permission);
  const code = String(schoolCode ?? "").trim();
  if (!/^\d{7}$/.test(code)) throw notInScope(code);
  const school = await db.school.findFirst({
    where: { codigoModular: code, id: { in: scopedSchoolIds(user) } },
    select: { id: true, codigoModular: true, name: true },
  });
  if (!school) throw notInScope(code);
  return school;
}

/**
 * System path (operator CLI, benchmark): no user, no scope. Never reachable from a request;
 * whoever runs it already holds the database credentials.
 */
export async function findSchoolByCodeAsSystem(schoolCode: string): Promise<ImportSchool> {
  const school = /^\d{7}$/.test(schoolCode)
    ? await db.school.findUnique({
        where: { codigoModular: schoolCode },
        select: { id: true, codigoModular: true, name: true },
      })
    : null;
  if (!school) throw new AppError("NOT_FOUND", "school.codeUnknown", { code: schoolCode });
  return school;
}
