import "server-only";
import { authorize } from "../auth/authorize";
import type { SessionUser } from "../auth/types";
import { db } from "../db";

// The administrator's read-only directory of schools and agencies — the lists behind those
// figures of the administrator's home (accounts are listed by lib/users/manage-users.ts). Configuration
// only: nothing here reaches a student, a case or an answer.

export async function listSchools(user: SessionUser | null) {
  authorize(user, "schools.manage");
  return db.school.findMany({
    orderBy: [{ region: "asc" }, { name: "asc" }],
    select: { id: true, codigoModular: true, name: true, region: true, province: true, district: true },
  });
}

export async function listActiveAgencies(user: SessionUser | null) {
  authorize(user, "agencies.manage");
  return db.agency.findMany({
    where: { active: true },
    orderBy: [{ type: "asc" }, { name: "asc" }],
    select: { id: true, code: true, type: true, name: true, region: true, district: true },
  });
}
