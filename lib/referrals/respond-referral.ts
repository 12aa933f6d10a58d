import "server-only";
import type { z } from "zod";
import { parseOrThrow } from "../actions/parse";
import { writeAudit, type AuditAction } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { referralWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db, type Tx } from "../db";
import { AppError } from "../errors/app-error";
import type { Prisma } from "../generated/prisma/client";
import { referralUpdateEntry } from "./events";
import { notifyReferral } from "./notify";
import {
  ZAcceptReferralSchema,
  ZCloseReferralSchema,
  ZRejectReferralSchema,
  ZStartReferralSchema,
  type TReferralRef,
} from "./schema";
import { checkReferralMove, MOVE_TARGET, type ReferralMove } from "./transitions";

// The agency's answers: accept, reject (with a reason), mark in progress, close (with the
// counter-referral). Each one: bump the version within the agency's own referrals (NOT_FOUND /
// CONFLICT, like cases: docs/decisions/007), check the move on the locked row, write the change,
// the case's timeline entry, the audit entry and the case team's notification together.

export const referralNotFound = () => new AppError("NOT_FOUND", "referral.notFound");
const REF = { notFoundFields: ["referralId"] } as const;

const AUDIT: Record<ReferralMove, AuditAction> = {
  ACCEPT: "referral.accept",
  REJECT: "referral.reject",
  START: "referral.start",
  CLOSE: "referral.close",
};

export type ReferralMoveResult = { referralId: string; caseId: string; version: number };

async function lockReferralVersion(tx: Tx, user: SessionUser, { referralId, version }: TReferralRef) {
  const scoped: Prisma.ReferralWhereInput = { AND: [{ id: referralId }, referralWhere(user)] };
  const { count } = await tx.referral.updateMany({
    where: { AND: [scoped, { version }] },
    data: { version: { increment: 1 } },
  });
  if (count === 0) {
    const visible = await tx.referral.findFirst({ where: scoped, select: { id: true } });
    throw visible ? new AppError("CONFLICT", "referral.conflict") : referralNotFound();
  }
  const row = await tx.referral.findFirst({
    where: scoped,
    select: {
      id: true,
      caseId: true,
      schoolId: true,
      status: true,
      version: true,
      agency: { select: { id: true, name: true } },
    },
  });
  if (!row) throw referralNotFound();
  return row;
}

async function moveReferral<S extends z.ZodType<TReferralRef>>(
  user: SessionUser | null,
  move: ReferralMove,
  schema: S,
  input: unknown,
  changes: (values: z.output<S>, now: Date) => Prisma.ReferralUpdateInput,
  origin?: RequestOrigin,
): Promise<ReferralMoveResult> {
  authorize(user, "referrals.respond");
  const values = parseOrThrow(schema, input, REF);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const row = await lockReferralVersion(tx, user, values);
    const check = checkReferralMove(row.status, move);
    if (!check.ok) throw new AppError("INVALID_TRANSITION", check.key, check.values);
    const to = MOVE_TARGET[move];
    await tx.referral.update({ where: { id: row.id }, data: { status: to, ...changes(values, now) } });
    // The answer is part of the case's story: a case form open elsewhere reloads before acting.
    await tx.case.updateMany({ where: { id: row.caseId }, data: { version: { increment: 1 } } });
    const entry = referralUpdateEntry({
      referralId: row.id,
      agencyId: row.agency.id,
      agencyName: row.agency.name,
      status: to as Exclude<typeof to, "SENT">,
    });
    await tx.caseEvent.create({
      data: {
        caseId: row.caseId,
        schoolId: row.schoolId,
        type: "REFERRAL_UPDATE",
        actorId: user.id,
        occurredAt: now,
        ...entry,
      },
    });
    await writeAudit(
      tx,
      user,
      {
        action: AUDIT[move],
        entity: "Referral",
        entityId: row.id,
        schoolId: row.schoolId,
        details: { caseId: row.caseId, from: row.status, to, version: row.version },
      },
      origin,
    );
    await notifyReferral(tx, row.id, to);
    return { referralId: row.id, caseId: row.caseId, version: row.version };
  });
}

export function acceptReferral(user: SessionUser | null, input: unknown, origin?: RequestOrigin) {
  return moveReferral(user, "ACCEPT", ZAcceptReferralSchema, input, (_, now) => responded(user!, now), origin);
}

export function rejectReferral(user: SessionUser | null, input: unknown, origin?: RequestOrigin) {
  return moveReferral(
    user,
    "REJECT",
    ZRejectReferralSchema,
    input,
    (v, now) => ({ ...responded(user!, now), rejectionReason: v.rejectionReason }),
    origin,
  );
}

export function startReferral(user: SessionUser | null, input: unknown, origin?: RequestOrigin) {
  return moveReferral(user, "START", ZStartReferralSchema, input, () => ({}), origin);
}

export function closeReferral(user: SessionUser | null, input: unknown, origin?: RequestOrigin) {
  return moveReferral(
    user,
    "CLOSE",
    ZCloseReferralSchema,
    input,
    (v, now) => ({
      counterReferral: v.counterReferral,
      counterReferralNextSteps: v.nextSteps,
      caseReturnsToSchool: v.returnsToSchool,
      closedAt: now,
    }),
    origin,
  );
}

/** Accepting or rejecting is the agency's response (respondedAt: the response deadline's end). */
function responded(user: SessionUser, now: Date): Prisma.ReferralUpdateInput {
  return { respondedAt: now, respondedBy: { connect: { id: user.id } } };
}
