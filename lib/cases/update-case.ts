import "server-only";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { CASE_TEAM_ROLES } from "../auth/policy";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { parseOrThrow } from "../actions/parse";
import { AppError, fieldIssue, type AppErrorCode } from "../errors/app-error";
import type { ErrorKey, MessageValues } from "../errors/keys";
import { assertReferralsSettled } from "../referrals/open-referrals";
import { isOpenCaseClash, lockCaseVersion } from "./case-lock";
import {
  ZAddCaseNoteSchema,
  ZAssignCaseMemberSchema,
  ZChangeCaseStateSchema,
  ZUnassignCaseMemberSchema,
} from "./schema";
import { checkTransition, type TransitionKind, type TransitionRequest } from "./transitions";

// Case mutations. Each one: authorize → bump the version within scope (NOT_FOUND / CONFLICT)
// → domain checks on the locked row → change → timeline event + audit entry, all in one
// transaction. A refusal rolls everything back, the version included.

export type CaseMutationResult = { caseId: string; version: number };

/** Throws AppError INVALID_TRANSITION (naming the field) unless the move is allowed. */
export function assertTransition(request: TransitionRequest): TransitionKind {
  const check = checkTransition(request);
  if (!check.ok)
    throw new AppError("INVALID_TRANSITION", check.key, check.values, [
      fieldIssue(check.field, check.key, check.values),
    ]);
  return check.kind;
}

/** A malformed case id reads as "not found": ids come from the page and reveal nothing. */
const CASE_REF = { notFoundFields: ["caseId"] } as const;

export async function changeCaseState(
  user: SessionUser | null,
  input: unknown, // validated with ZChangeCaseStateSchema
  origin?: RequestOrigin,
): Promise<CaseMutationResult> {
  authorize(user, "cases.write");
  const { caseId, version, to, outcome, outcomeNote, reason, confirmOpenReferrals } = parseOrThrow(
    ZChangeCaseStateSchema,
    input,
    CASE_REF,
  );
  try {
    return await db.$transaction(async (tx) => {
      const row = await lockCaseVersion(tx, user, caseId, version);
      const from = row.state;
      const kind = assertTransition({ from, to, outcome, reason });
      const closing = kind === "CLOSE";
      const unfinished = closing ? await assertReferralsSettled(tx, row.id, confirmOpenReferrals) : 0;
      await tx.case.update({
        where: { id: row.id },
        data: {
          state: to,
          // openKey is the student's id exactly while the episode is not CLOSED.
          openKey: closing ? null : row.studentId,
          outcome: closing ? outcome : kind === "REOPEN" ? null : undefined,
          outcomeNote: closing ? (outcomeNote ?? null) : kind === "REOPEN" ? null : undefined,
          closedAt: closing ? new Date() : kind === "REOPEN" ? null : undefined,
        },
      });
      await tx.caseEvent.create({
        data: {
          caseId: row.id,
          schoolId: row.schoolId,
          type: "STATE_CHANGE",
          actorId: user.id,
          body: reason ?? (closing ? (outcomeNote ?? null) : null),
          data: {
            from,
            to,
            kind,
            ...(closing ? { outcome } : {}),
            ...(unfinished ? { openReferralsConfirmed: unfinished } : {}),
            ...(kind === "REOPEN" ? { previousOutcome: row.outcome } : {}),
          },
        },
      });
      await writeAudit(
        tx,
        user,
        {
          action: "case.state.change",
          entity: "Case",
          entityId: row.id,
          schoolId: row.schoolId,
          details: {
            from,
            to,
            kind,
            version: row.version,
            ...(unfinished ? { openReferralsConfirmed: unfinished } : {}),
          },
        },
        origin,
      );
      return { caseId: row.id, version: row.version };
    });
  } catch (e) {
    if (isOpenCaseClash(e)) {
      throw new AppError("ALREADY_EXISTS", "case.otherOpenCase", {}, [fieldIssue("to", "case.otherOpenCaseField")]);
    }
    throw e;
  }
}

async function findAssignableMember(tx: Tx, userId: string, schoolId: string) {
  return tx.user.findFirst({
    where: { id: userId, active: true, role: { in: [...CASE_TEAM_ROLES] }, schools: { some: { schoolId } } },
    select: { id: true, name: true, role: true },
  });
}

/** A refusal about the chosen person, shown on the person field. */
function userIdError(code: AppErrorCode, key: ErrorKey, values?: MessageValues) {
  return new AppError(code, key, values, [fieldIssue("userId", key, values)]);
}

type TeamMember = { id: string; name: string; role: string };
type LockedCase = { id: string; schoolId: string; version: number };

/** The timeline event and audit entry shared by assigning and unassigning a team member. */
async function recordTeamChange(
  tx: Tx,
  user: SessionUser,
  row: LockedCase,
  member: TeamMember,
  action: "ASSIGN" | "UNASSIGN",
  origin?: RequestOrigin,
) {
  await tx.caseEvent.create({
    data: {
      caseId: row.id,
      schoolId: row.schoolId,
      type: "ASSIGNMENT",
      actorId: user.id,
      data: { action, userId: member.id, userName: member.name, role: member.role },
    },
  });
  await writeAudit(
    tx,
    user,
    {
      action: action === "ASSIGN" ? "case.assign" : "case.unassign",
      entity: "Case",
      entityId: row.id,
      schoolId: row.schoolId,
      details: { userId: member.id, version: row.version },
    },
    origin,
  );
}

export async function assignCaseMember(
  user: SessionUser | null,
  input: unknown, // validated with ZAssignCaseMemberSchema
  origin?: RequestOrigin,
): Promise<CaseMutationResult> {
  authorize(user, "cases.assign");
  const { caseId, version, userId } = parseOrThrow(ZAssignCaseMemberSchema, input, CASE_REF);
  return db.$transaction(async (tx) => {
    const row = await lockCaseVersion(tx, user, caseId, version);
    const member = await findAssignableMember(tx, userId, row.schoolId);
    if (!member) throw userIdError("INVALID_INPUT", "case.assigneeNotEligible");
    const already = await tx.caseAssignment.findUnique({
      where: { caseId_userId: { caseId: row.id, userId: member.id } },
    });
    if (already) throw userIdError("ALREADY_EXISTS", "case.alreadyAssigned", { name: member.name });
    await tx.caseAssignment.create({ data: { caseId: row.id, userId: member.id, schoolId: row.schoolId } });
    await recordTeamChange(tx, user, row, member, "ASSIGN", origin);
    return { caseId: row.id, version: row.version };
  });
}

export async function unassignCaseMember(
  user: SessionUser | null,
  input: unknown, // validated with ZUnassignCaseMemberSchema
  origin?: RequestOrigin,
): Promise<CaseMutationResult> {
  authorize(user, "cases.assign");
  const { caseId, version, userId } = parseOrThrow(ZUnassignCaseMemberSchema, input, CASE_REF);
  return db.$transaction(async (tx) => {
    const row = await lockCaseVersion(tx, user, caseId, version);
    const assignment = await tx.caseAssignment.findUnique({
      where: { caseId_userId: { caseId: row.id, userId } },
      select: { user: { select: { id: true, name: true, role: true } } },
    });
    if (!assignment) throw userIdError("INVALID_INPUT", "case.notAssigned");
    await tx.caseAssignment.delete({ where: { caseId_userId: { caseId: row.id, userId } } });
    await recordTeamChange(tx, user, row, assignment.user, "UNASSIGN", origin);
    return { caseId: row.id, version: row.version };
  });
}

export async function addCaseNote(
  user: SessionUser | null,
  input: unknown, // validated with ZAddCaseNoteSchema
  origin?: RequestOrigin,
): Promise<CaseMutationResult & { eventId: string }> {
  authorize(user, "cases.write");
  const { caseId, version, body } = parseOrThrow(ZAddCaseNoteSchema, input, CASE_REF);
  return db.$transaction(async (tx) => {
    const row = await lockCaseVersion(tx, user, caseId, version);
    const event = await tx.caseEvent.create({
      data: { caseId: row.id, schoolId: row.schoolId, type: "NOTE", actorId: user.id, body },
      select: { id: true },
    });
    // The note text stays in the case file; the audit trail records that it was written.
    await writeAudit(
      tx,
      user,
      {
        action: "case.note.add",
        entity: "Case",
        entityId: row.id,
        schoolId: row.schoolId,
        details: { eventId: event.id, length: body.length, version: row.version },
      },
      origin,
    );
    return { caseId: row.id, version: row.version, eventId: event.id };
  });
}
