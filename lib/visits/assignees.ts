import "server-only";
import type { Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";

// Who may be sent on a home visit: active case-team members (social work, education,
// psychology) who serve the visit's school.

export const VISIT_ASSIGNEE_ROLES = ["SOCIAL_WORKER", "EDUCATOR", "PSYCHOLOGIST"] as const satisfies readonly Role[];

export function eligibleAssigneesWhere(schoolIds: readonly string[]): Prisma.UserWhereInput {
  return {
    active: true,
    role: { in: [...VISIT_ASSIGNEE_ROLES] },
    schools: { some: { schoolId: { in: [...schoolIds] } } },
  };
}

export const ASSIGNEE_SELECT = { id: true, name: true, role: true } satisfies Prisma.UserSelect;
export type VisitAssignee = Prisma.UserGetPayload<{ select: typeof ASSIGNEE_SELECT }>;

export function findEligibleAssignee(tx: Tx, userId: string, schoolId: string): Promise<VisitAssignee | null> {
  return tx.user.findFirst({
    where: { AND: [{ id: userId }, eligibleAssigneesWhere([schoolId])] },
    select: ASSIGNEE_SELECT,
  });
}
