import "server-only";
import { isCaseTeamRole } from "../auth/policy";
import type { SessionUser } from "../auth/types";
import type { CaseFile, CaseFileStaffMember } from "./case-file";

// Small rules the case pages share. The case list itself is lib/cases/list.ts.

export function isCaseTeam(user: Pick<SessionUser, "role">): boolean {
  return isCaseTeamRole(user.role);
}

/**
 * Who may be assigned to a case: active case-team users of its school (the file's staff, read
 * with the case) not on its team yet, by name. assignCaseMember checks the same on the server.
 */
export function assignableMembers(file: Pick<CaseFile, "staff" | "team">): CaseFileStaffMember[] {
  const assigned = new Set((file.team ?? []).map((m) => m.user.id));
  return (file.staff ?? []).filter((m) => m.active && isCaseTeamRole(m.role) && !assigned.has(m.id));
}
