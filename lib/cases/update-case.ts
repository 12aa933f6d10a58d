import "server-only";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { AppError } from "../errors/app-error";
import { isOpenCaseClash, lockCaseVersion } from "./case-lock";
import {
  ZAddCaseNoteSchema,
  ZAssignCaseMemberSchema,
  ZChangeCaseStateSchema,
  ZUnassignCaseMemberSchema,
} from "./schema";
import { assertTransition } from "./transitions";
import { parseInput } from "./parse-input";

// Case mutations. Each one: authorize → bump the version within scope (NOT_FOUND / CONFLICT)
// → domain checks on the locked row → change → timeline event + audit entry, all in one
// transaction. A refusal rolls everything back, the version included.

export const CASE_TEAM_ROLES = ["PSYCHOLOGIST", "SOCIAL_WORKER", "EDUCATOR"] as const;

export type CaseMutationResult = { caseId: string; version: number };

export async function changeCaseState(
  user: SessionUser | null,
  input: unknown, // validated with ZChangeCaseStateSchema
  origin?: RequestOrigin,
): Promise<CaseMutationResult> {
  authorize(user, "cases.write");
  const { caseId, version, to, outcome, outcomeNote, reason } = parseInput(ZChangeCaseStateSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const row = await lockCaseVersion(tx, user, caseId, version);
      const from = row.state;
      const kind = assertTransition({ from, to, outcome, reason });
      const closing = kind === "CLOSE";
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
          details: { from, to, kind, version: row.version },
        },
        origin,
      );
      return { caseId: row.id, version: row.version };
    });
  } catch (e) {
    if (isOpenCaseClash(e)) {
      throw new AppError(
        "ALREADY_EXISTS",
        "El estudiante ya tiene otro caso abierto; continúe el trabajo en ese caso.",
        [{ field: "to", message: "El estudiante ya tiene otro caso abierto." }],
      );
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
  const { caseId, version, userId } = parseInput(ZAssignCaseMemberSchema, input);
  return db.$transaction(async (tx) => {
    const row = await lockCaseVersion(tx, user, caseId, version);
    const member = await findAssignableMember(tx, userId, row.schoolId);
    if (!member) {
      const message =
        "Solo se puede asignar a integrantes activos del equipo de casos (psicología, trabajo social, educación) de este colegio.";
      throw new AppError("INVALID_INPUT", message, [{ field: "userId", message }]);
    }
    const already = await tx.caseAssignment.findUnique({
      where: { caseId_userId: { caseId: row.id, userId: member.id } },
    });
    if (already) {
      const message = `${member.name} ya está asignado(a) a este caso.`;
      throw new AppError("ALREADY_EXISTS", message, [{ field: "userId", message }]);
    }
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
  const { caseId, version, userId } = parseInput(ZUnassignCaseMemberSchema, input);
  return db.$transaction(async (tx) => {
    const row = await lockCaseVersion(tx, user, caseId, version);
    const assignment = await tx.caseAssignment.findUnique({
      where: { caseId_userId: { caseId: row.id, userId } },
      select: { user: { select: { id: true, name: true, role: true } } },
    });
    if (!assignment) {
      const message = "Esa persona no está asignada a este caso.";
      throw new AppError("INVALID_INPUT", message, [{ field: "userId", message }]);
    }
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
  const { caseId, version, body } = parseInput(ZAddCaseNoteSchema, input);
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
