import "server-only";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { caseWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import { parseOrThrow } from "../actions/parse";
import { AppError, fieldIssue } from "../errors/app-error";
import type { ContactOutcome } from "../generated/prisma/enums";
import { contactAttemptEntry } from "./events";
import { ZRecordContactAttemptSchema } from "./schema";
import { offerFor, type StateOffer } from "./state-offer";

// A contact attempt other than a home visit (phone, WhatsApp, at school, through a neighbour
// or another family), recorded from the case page with its timeline entry and audit entry in
// one transaction. Like a visit, a first successful contact offers the next case state.

const FUTURE_SKEW_MS = 5 * 60 * 1000;

export type RecordContactAttemptResult = {
  attemptId: string;
  caseId: string;
  outcome: ContactOutcome;
  stateOffer: StateOffer | null;
};

export async function recordContactAttempt(
  user: SessionUser | null,
  input: unknown, // validated with ZRecordContactAttemptSchema
  origin?: RequestOrigin,
): Promise<RecordContactAttemptResult> {
  authorize(user, "contacts.write");
  const a = parseOrThrow(ZRecordContactAttemptSchema, input, { notFoundFields: ["caseId"] });
  const now = new Date();
  const attemptedAt = a.attemptedAt ?? now;
  if (attemptedAt.getTime() > now.getTime() + FUTURE_SKEW_MS) {
    throw new AppError("INVALID_INPUT", "visit.attempt.attemptedAtFuture", {}, [
      fieldIssue("attemptedAt", "visit.attempt.attemptedAtFuture"),
    ]);
  }

  return db.$transaction(async (tx) => {
    const c = await tx.case.findFirst({
      where: { AND: [{ id: a.caseId }, caseWhere(user)] },
      select: { id: true, schoolId: true, studentId: true, state: true },
    });
    if (!c) throw new AppError("NOT_FOUND", "case.notFound");
    if (c.state === "CLOSED") throw new AppError("INVALID_INPUT", "visit.attempt.caseClosed");
    const attempt = await tx.contactAttempt.create({
      data: {
        caseId: c.id,
        schoolId: c.schoolId,
        studentId: c.studentId,
        channel: a.channel,
        outcome: a.outcome,
        attemptedAt,
        notes: a.notes ?? null,
        actorId: user.id,
      },
      select: { id: true },
    });
    const entry = contactAttemptEntry({ attemptId: attempt.id, channel: a.channel, outcome: a.outcome });
    await tx.caseEvent.create({
      data: {
        caseId: c.id,
        schoolId: c.schoolId,
        type: "CONTACT_ATTEMPT",
        actorId: user.id,
        occurredAt: attemptedAt,
        body: entry.body,
        data: entry.data,
      },
    });
    await writeAudit(
      tx,
      user,
      {
        action: "contact.attempt.record",
        entity: "ContactAttempt",
        entityId: attempt.id,
        schoolId: c.schoolId,
        details: {
          caseId: c.id,
          channel: a.channel,
          outcome: a.outcome,
          notesLength: a.notes?.length ?? 0,
          attemptedAt: attemptedAt.toISOString(),
        },
      },
      origin,
    );
    const stateOffer = await offerFor(tx, { caseId: c.id, schoolId: c.schoolId }, a.outcome === "REACHED");
    return { attemptId: attempt.id, caseId: c.id, outcome: a.outcome, stateOffer };
  });
}
