import "server-only";
import { authorize } from "../auth/authorize";
import type { SessionUser } from "../auth/types";
import { db } from "../db";

// The administrator's read-only directory: who has an account, which schools and which
// agencies exist — the lists behind the figures of the administrator's home. Configuration
// only: nothing here reaches a student, a case or an answer.

export async function listActiveUsers(user: SessionUser | null) {
  authorize(user, "users.manage");
  return db.user.findMany({
    where: { active: true },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      agency: { select: { name: true } },
      schools: { select: { school: { select: { name: true } } }, orderBy: { school: { name: "asc" } } },
    },
  });
}

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
