import "server-only";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { schoolScopeWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db, type Tx } from "../db";
import { parseOrThrow } from "../actions/parse";
import { AppError, fieldIssue } from "../errors/app-error";
import type { Prisma } from "../generated/prisma/client";
import type { VisitOutcome, VisitTimeWindow } from "../generated/prisma/enums";
import { dayFromIso, todayInLima } from "../format/date";
import { applyAddressChange } from "./address-change";
import { visitRecordedEntry } from "./events";
import { ZRecordVisitOutcomeSchema } from "./schema";
import { offerFor, type StateOffer } from "./state-offer";

// Recording what happened at the door, in one transaction:
// 1. `UPDATE home_visit … WHERE id AND status = 'SCHEDULED' AND <scope>`: the row lock and the
//    status guard make the first outcome win; a second person's outcome finds DONE and is a
//    CONFLICT (never an overwrite), an unknown or out-of-scope id is NOT_FOUND; the same
//    outcome sent again by its author with the same submission key (a lost answer) is answered
//    as recorded, writing nothing;
// 2. a confirmed or corrected address updates the student and writes its history;
// 3. the timeline entry and the audit entries.
// It then tells the screen what to offer next: another visit after a failed one, and the next
// case state after a first contact (a person decides; nothing moves here).

/** Clock skew tolerated between a phone and the server for "when it happened". */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

export type NextVisitDraft = {
  caseId: string;
  assigneeId: string | null;
  timeWindow: VisitTimeWindow | null;
  purpose: string | null;
};

export type RecordVisitOutcomeResult = {
  visitId: string;
  caseId: string;
  studentId: string;
  outcome: VisitOutcome;
  addressHistoryId: string | null;
  /** The next case state to offer (a person decides; see next-step.ts). */
  stateOffer: StateOffer | null;
  /** After a failed visit: the same details, to prefill the next attempt's form. */
  nextVisit: NextVisitDraft | null;
};

export async function recordVisitOutcome(
  user: SessionUser | null,
  input: unknown, // validated with ZRecordVisitOutcomeSchema
  origin?: RequestOrigin,
): Promise<RecordVisitOutcomeResult> {
  authorize(user, "visits.write");
  const v = parseOrThrow(ZRecordVisitOutcomeSchema, input, { notFoundFields: ["visitId"] });
  const now = new Date();
  const visitedAt = v.visitedAt ?? now;
  if (visitedAt.getTime() > now.getTime() + FUTURE_SKEW_MS) {
    throw new AppError("INVALID_INPUT", "visit.visitedAtFuture", {}, [
      fieldIssue("visitedAt", "visit.visitedAtFuture"),
    ]);
  }

  return db.$transaction(async (tx) => {
    const scoped: Prisma.HomeVisitWhereInput = { AND: [{ id: v.visitId }, schoolScopeWhere(user)] };
    const { count } = await tx.homeVisit.updateMany({
      where: { AND: [scoped, { status: "SCHEDULED" }] },
      data: {
        status: "DONE",
        outcome: v.outcome,
        visitedAt,
        metWith: v.metWith,
        notes: v.notes,
        addressConfirmed: addressConfirmedFor(v.outcome, v.addressAction),
        correctedStreet: v.newStreet,
        correctedReference: v.newReference,
        correctedDistrict: v.newDistrict,
        recordedById: user.id,
        recordedAt: now,
      },
    });
    if (count === 0) {
      const visible = await tx.homeVisit.findFirst({ where: scoped, select: { id: true } });
      if (!visible) throw new AppError("NOT_FOUND", "visit.notFound");
      const replay = await answeredBefore(tx, user, visible.id, v.submissionKey);
      if (replay) return replay;
      throw new AppError("CONFLICT", "visit.conflict");
    }
    const visit = await tx.homeVisit.findFirstOrThrow({
      where: scoped,
      select: {
        id: true,
        caseId: true,
        schoolId: true,
        studentId: true,
        assigneeId: true,
        timeWindow: true,
        purpose: true,
      },
    });

    const address = v.addressAction === "NONE" ? null : v.addressAction;
    const change = address
      ? await applyAddressChange(tx, {
          action: address,
          studentId: visit.studentId,
          schoolId: visit.schoolId,
          visitId: visit.id,
          changedById: user.id,
          verifiedOn: dayFromIso(todayInLima(visitedAt)), // the Lima day of the visit
          newStreet: v.newStreet,
          newReference: v.newReference,
          newDistrict: v.newDistrict,
        })
      : null;

    const entry = visitRecordedEntry({ visitId: visit.id, outcome: v.outcome, metWith: v.metWith, address });
    await tx.caseEvent.create({
      data: {
        caseId: visit.caseId,
        schoolId: visit.schoolId,
        type: "HOME_VISIT",
        actorId: user.id,
        occurredAt: visitedAt,
        body: entry.body,
        data: entry.data,
      },
    });
    // The notes stay on the visit; the audit trail records that they were written.
    await writeAudit(
      tx,
      user,
      {
        action: "visit.outcome.record",
        entity: "HomeVisit",
        entityId: visit.id,
        schoolId: visit.schoolId,
        details: {
          caseId: visit.caseId,
          outcome: v.outcome,
          address,
          notesLength: v.notes?.length ?? 0,
          visitedAt: visitedAt.toISOString(),
          ...(v.submissionKey ? { submissionKey: v.submissionKey } : {}),
        },
      },
      origin,
    );
    if (change && address) {
      await writeAudit(
        tx,
        user,
        {
          action: address === "CORRECTED" ? "student.address.correct" : "student.address.confirm",
          entity: "Student",
          entityId: visit.studentId,
          schoolId: visit.schoolId,
          details: { visitId: visit.id, historyId: change.historyId },
        },
        origin,
      );
    }

    return resultFor(tx, visit, v.outcome, change?.historyId ?? null);
  });
}

type RecordedVisit = {
  id: string;
  caseId: string;
  schoolId: string;
  studentId: string;
  assigneeId: string | null;
  timeWindow: VisitTimeWindow | null;
  purpose: string | null;
};

async function resultFor(
  tx: Tx,
  visit: RecordedVisit,
  outcome: VisitOutcome,
  addressHistoryId: string | null,
): Promise<RecordVisitOutcomeResult> {
  const contactMade = outcome === "CONTACTED";
  const stateOffer = await offerFor(tx, visit, contactMade);
  return {
    visitId: visit.id,
    caseId: visit.caseId,
    studentId: visit.studentId,
    outcome,
    addressHistoryId,
    stateOffer,
    nextVisit: contactMade
      ? null
      : { caseId: visit.caseId, assigneeId: visit.assigneeId, timeWindow: visit.timeWindow, purpose: visit.purpose },
  };
}

/**
 * The answer to an outcome this user already recorded with this submission key — the same
 * outcome sent again after its answer was lost — or null (then it is someone else's: CONFLICT).
 */
async function answeredBefore(
  tx: Tx,
  user: SessionUser,
  visitId: string,
  submissionKey: string | undefined,
): Promise<RecordVisitOutcomeResult | null> {
  if (!submissionKey) return null;
  const entry = await tx.auditLog.findFirst({
    where: {
      action: "visit.outcome.record",
      entity: "HomeVisit",
      entityId: visitId,
      actorId: user.id,
      details: { path: ["submissionKey"], equals: submissionKey },
    },
    select: { id: true },
  });
  if (!entry) return null;
  const visit = await tx.homeVisit.findFirstOrThrow({
    where: { id: visitId, recordedById: user.id },
    select: {
      id: true,
      caseId: true,
      schoolId: true,
      studentId: true,
      assigneeId: true,
      timeWindow: true,
      purpose: true,
      outcome: true,
    },
  });
  return resultFor(tx, visit, visit.outcome!, null);
}

/** true: the address on file was right; false: the family was not found there; null: not checked. */
function addressConfirmedFor(outcome: VisitOutcome, action: "NONE" | "CONFIRMED" | "CORRECTED"): boolean | null {
  if (action === "CONFIRMED") return true;
  if (action === "CORRECTED" || outcome === "ADDRESS_NOT_FOUND" || outcome === "MOVED") return false;
  return null;
}
