import "server-only";
import { writeAudit } from "../audit/write-audit";
import type { RequestOrigin, SessionUser } from "../auth/types";
import type { Tx } from "../db";
import type { AgencyType } from "../generated/prisma/enums";
import { endOfLimaDay } from "./due";

// The urgent-referral task an evaluation's signature creates, in the signing transaction, when
// an urgent item (self-harm → CSMC) is marked present: due the same day, shown at the top of the
// case and on the case team's home page until someone records how the referral was made.
// The referral inbox, once built, completes it by setting referralId instead.

/**
 * The agency of `type` that serves a school: same district, else same region; null when none
 * is registered (the team then records whom they contacted).
 */
export async function findServingAgency(tx: Tx, schoolId: string, type: AgencyType) {
  const school = await tx.school.findUniqueOrThrow({
    where: { id: schoolId },
    select: { region: true, district: true },
  });
  const select = { id: true, name: true, district: true };
  return (
    (await tx.agency.findFirst({
      where: { type, active: true, region: school.region, district: school.district },
      select,
      orderBy: { name: "asc" },
    })) ??
    (await tx.agency.findFirst({
      where: { type, active: true, region: school.region },
      select,
      orderBy: { name: "asc" },
    }))
  );
}

type UrgentReferral = {
  caseId: string;
  schoolId: string;
  studentId: string;
  evaluationId: string;
  agencyType: AgencyType;
  now: Date;
};

export async function createUrgentReferralTask(
  tx: Tx,
  user: SessionUser,
  r: UrgentReferral,
  origin?: RequestOrigin,
): Promise<{ id: string; dueAt: Date }> {
  const agency = await findServingAgency(tx, r.schoolId, r.agencyType);
  const task = await tx.caseTask.create({
    data: {
      caseId: r.caseId,
      schoolId: r.schoolId,
      studentId: r.studentId,
      kind: "URGENT_REFERRAL",
      agencyType: r.agencyType,
      agencyId: agency?.id ?? null,
      evaluationId: r.evaluationId,
      createdById: user.id,
      createdAt: r.now,
      dueAt: endOfLimaDay(r.now),
    },
    select: { id: true, dueAt: true },
  });
  // The timeline names the agency, never the answer behind it (REFERRAL events stay with the school).
  await tx.caseEvent.create({
    data: {
      caseId: r.caseId,
      schoolId: r.schoolId,
      type: "REFERRAL",
      actorId: user.id,
      occurredAt: r.now,
      data: {
        taskId: task.id,
        task: "URGENT_REFERRAL",
        stage: "PENDING",
        agencyType: r.agencyType,
        agencyName: agency?.name ?? null,
        dueAt: task.dueAt.toISOString(),
      },
    },
  });
  await writeAudit(
    tx,
    user,
    {
      action: "caseTask.create",
      entity: "CaseTask",
      entityId: task.id,
      schoolId: r.schoolId,
      details: { caseId: r.caseId, kind: "URGENT_REFERRAL", agencyType: r.agencyType, evaluationId: r.evaluationId },
    },
    origin,
  );
  return task;
}
