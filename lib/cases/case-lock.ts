import "server-only";
import type { Tx } from "../db";
import { caseWhere } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { AppError } from "../errors/app-error";
import { Prisma } from "../generated/prisma/client";

// Optimistic concurrency for case files. Every edit sends the version the user loaded; the
// first statement of the transaction is `UPDATE … SET version = version + 1 WHERE id = ? AND
// version = ? AND <scope>`. It both detects a stale form and takes the row lock, so the
// checks that follow (transition, assignee) see a row nobody else can change until commit.

export const caseNotFound = () => new AppError("NOT_FOUND", "case.notFound");
export const caseConflict = () => new AppError("CONFLICT", "case.conflict");
/** An anonymised case (lib/retention) is closed for good: nothing is added to it any more. */
export const caseAnonymised = () => new AppError("INVALID_TRANSITION", "case.anonymised");

export const lockedCaseSelect = {
  id: true,
  schoolId: true,
  studentId: true,
  state: true,
  outcome: true,
  version: true,
  openedAt: true,
  closedAt: true,
  anonymisedAt: true,
} as const satisfies Prisma.CaseSelect;

export type LockedCase = Prisma.CaseGetPayload<{ select: typeof lockedCaseSelect }>;

/**
 * Bumps the version of a case the user may see, or throws NOT_FOUND (out of scope or absent)
 * / CONFLICT (someone saved first). Returns the row as it is after the bump.
 */
export async function lockCaseVersion(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  version: number,
  data: Prisma.CaseUpdateManyMutationInput = {},
): Promise<LockedCase> {
  const scoped: Prisma.CaseWhereInput = { AND: [{ id: caseId }, caseWhere(user)] };
  const { count } = await tx.case.updateMany({
    where: { AND: [scoped, { version }] },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const visible = await tx.case.findFirst({ where: scoped, select: { id: true } });
    throw visible ? caseConflict() : caseNotFound();
  }
  const row = await tx.case.findFirst({ where: scoped, select: lockedCaseSelect });
  if (!row) throw caseNotFound();
  if (row.anonymisedAt) throw caseAnonymised();
  return row;
}

/** A unique violation on `case_file.openKey`: the student already has an open case. */
export function isOpenCaseClash(e: unknown): boolean {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError) || e.code !== "P2002") return false;
  const target = JSON.stringify(e.meta ?? {});
  return target.includes("openKey") || target.includes("case_file");
}

/**
 * Bumps the version of a case in the user's scope without comparing it: for changes made from
 * another page (signing an evaluation, recording an urgent referral) that add to the case's
 * timeline, so a case form still open elsewhere reloads before acting on stale facts.
 */
export async function bumpCaseVersion(tx: Tx, user: SessionUser, caseId: string): Promise<void> {
  const scoped: Prisma.CaseWhereInput = { AND: [{ id: caseId }, caseWhere(user)] };
  const { count } = await tx.case.updateMany({
    where: { AND: [scoped, { anonymisedAt: null }] },
    data: { version: { increment: 1 } },
  });
  if (count === 0)
    throw (await tx.case.findFirst({ where: scoped, select: { id: true } })) ? caseAnonymised() : caseNotFound();
}
