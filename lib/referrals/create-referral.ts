import "server-only";
import { parseOrThrow } from "../actions/parse";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { caseWhere, REFERRAL_OPEN_STATUSES } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { bumpCaseVersion, caseNotFound } from "../cases/case-lock";
import { db } from "../db";
import { AppError, fieldIssue } from "../errors/app-error";
import { todayInLima } from "../format/date";
import { listServingAgencies } from "./agencies";
import { referralDueAt } from "./deadlines";
import { referralSentEntry } from "./events";
import { legalBasisColumns } from "./legal-basis";
import { notifyReferral } from "./notify";
import { capSharedSections } from "./packet";
import { ZCreateReferralSchema } from "./schema";

// "Derivar": the psychologist or the social worker refers a case to an agency serving the
// school. Refused without a legal basis and its details; the packet is what the agency and the
// sender allow, whatever the form sent. The case row is locked first (its version bumped), so
// two referrals of one case are decided one after the other.

export async function createReferral(
  user: SessionUser | null,
  input: unknown, // validated with ZCreateReferralSchema
  origin?: RequestOrigin,
): Promise<{ referralId: string; caseId: string }> {
  authorize(user, "referrals.create");
  const values = parseOrThrow(ZCreateReferralSchema, input, { notFoundFields: ["caseId"] });
  const now = new Date();
  return db.$transaction(async (tx) => {
    const c = await tx.case.findFirst({
      where: { AND: [{ id: values.caseId }, caseWhere(user)] },
      select: { id: true, schoolId: true, studentId: true, state: true, student: { select: { birthDate: true } } },
    });
    if (!c) throw caseNotFound();
    await bumpCaseVersion(tx, user, c.id);
    if (c.state === "CLOSED") throw new AppError("INVALID_TRANSITION", "referral.caseClosed");

    const agency = (await listServingAgencies(tx, c.schoolId)).find((a) => a.id === values.agencyId);
    if (!agency)
      throw new AppError("INVALID_INPUT", "referral.agencyNotServing", {}, [
        fieldIssue("agencyId", "referral.agencyNotServing"),
      ]);
    const open = await tx.referral.count({
      where: { caseId: c.id, agencyId: agency.id, status: { in: [...REFERRAL_OPEN_STATUSES] } },
    });
    if (open > 0)
      throw new AppError("ALREADY_EXISTS", "referral.alreadyOpen", { agency: agency.name }, [
        fieldIssue("agencyId", "referral.alreadyOpen", { agency: agency.name }),
      ]);

    const basis = legalBasisColumns(values, c.student, todayInLima(now));
    const sharedSections = capSharedSections(agency.type, user.role, values.sharedSections);
    if (sharedSections.length === 0)
      throw new AppError("INVALID_INPUT", "referral.sectionsRequired", {}, [
        fieldIssue("sharedSections", "referral.sectionsRequired"),
      ]);
    const dueAt = await referralDueAt(tx, values.urgency, now);

    const referral = await tx.referral.create({
      data: {
        caseId: c.id,
        schoolId: c.schoolId,
        studentId: c.studentId,
        agencyId: agency.id,
        reason: values.reason,
        urgency: values.urgency,
        ...basis,
        sharedSections,
        status: "SENT",
        sentAt: now,
        dueAt,
        createdById: user.id,
      },
      select: { id: true },
    });

    // An urgent task to refer to this kind of agency (self-harm → CSMC) is done by this referral.
    const tasks = await tx.caseTask.findMany({
      where: { caseId: c.id, kind: "URGENT_REFERRAL", agencyType: agency.type, doneAt: null },
      select: { id: true },
    });
    const taskIds = tasks.map((t) => t.id);
    if (taskIds.length) {
      await tx.caseTask.updateMany({
        where: { id: { in: taskIds }, doneAt: null },
        data: { doneAt: now, doneById: user.id, referredAt: now, referralId: referral.id },
      });
    }

    const entry = referralSentEntry({
      referralId: referral.id,
      agencyId: agency.id,
      agencyName: agency.name,
      urgency: values.urgency,
      dueAt,
      taskIds,
    });
    await tx.caseEvent.create({
      data: { caseId: c.id, schoolId: c.schoolId, type: "REFERRAL", actorId: user.id, occurredAt: now, ...entry },
    });
    const dropped = [...new Set(values.sharedSections)].filter((s) => !(sharedSections as string[]).includes(s));
    await writeAudit(
      tx,
      user,
      {
        action: "referral.create",
        entity: "Referral",
        entityId: referral.id,
        schoolId: c.schoolId,
        details: {
          caseId: c.id,
          agencyId: agency.id,
          urgency: values.urgency,
          legalBasis: basis.legalBasis,
          sharedSections,
          ...(dropped.length ? { droppedSections: dropped.slice(0, 20) } : {}),
        },
      },
      origin,
    );
    for (const taskId of taskIds) {
      await writeAudit(
        tx,
        user,
        {
          action: "caseTask.complete",
          entity: "CaseTask",
          entityId: taskId,
          schoolId: c.schoolId,
          details: { caseId: c.id, referralId: referral.id },
        },
        origin,
      );
    }
    await notifyReferral(tx, referral.id, "SENT");
    return { referralId: referral.id, caseId: c.id };
  });
}
