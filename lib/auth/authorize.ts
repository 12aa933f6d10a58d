import { AppError } from "../errors/app-error";
import { can, type Permission } from "./policy";
import { isSchoolInScope } from "./scope";
import type { SessionUser } from "./types";

/**
 * First line of every mutation and every read of protected data. A missing permission
 * answers "not found" rather than "forbidden", like an out-of-scope row: nothing about the
 * existence of a record leaks through the error.
 */
export function authorize(user: SessionUser | null | undefined, permission: Permission): asserts user is SessionUser {
  if (!user) throw new AppError("UNAUTHENTICATED", "signIn");
  if (!can(user.role, permission)) throw new AppError("NOT_FOUND", "notFound");
}

/** Throws NOT_FOUND unless the school is in the user's scope. */
export function assertSchoolInScope(user: SessionUser, schoolId: string) {
  if (!isSchoolInScope(user, schoolId)) throw new AppError("NOT_FOUND", "school.notFound");
}
