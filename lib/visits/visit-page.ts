import "server-only";
import { writeReadAudit } from "../audit/write-read-audit";
import { authorize } from "../auth/authorize";
import { visitWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import { todayInLima } from "../format/date";
import type { CaseState, VisitOutcome, VisitTimeWindow } from "../generated/prisma/enums";
import { ASSIGNEE_SELECT, eligibleAssigneesWhere, type VisitAssignee } from "./assignees";
import { addressOnFile, isUuid, STUDENT_CONTACT_SELECT, type AddressOnFile } from "./queries";
import { offerFor, type StateOffer } from "./state-offer";
import { studentName } from "./student-name";
import { nextWorkday } from "../attendance/calendar";

// The page of one visit, for the people who make visits: before the visit, what the outcome
// form needs (address with its verified day, phones, guardian); once recorded, what was
// recorded and what comes next — another attempt with the same details after a failed visit,
// and the case state the protocol suggests (a person decides). A second person opening a visit
// someone else already recorded sees that outcome instead of a form. The page shows the
// family's contacts and the visit's notes, so its read is audited like the case file's.

export type VisitPageVisit = {
  id: string;
  caseId: string;
  scheduledFor: Date;
  timeWindow: VisitTimeWindow | null;
  purpose: string | null;
  assignee: { id: string; name: string } | null;
  status: "SCHEDULED" | "DONE" | "CANCELLED";
  outcome: VisitOutcome | null;
  visitedAt: Date | null;
  metWith: string | null;
  notes: string | null;
  addressConfirmed: boolean | null;
  corrected: { street: string | null; reference: string | null; district: string | null } | null;
  recordedBy: string | null;
};

export type VisitPage = {
  visit: VisitPageVisit;
  case: { id: string; state: CaseState; version: number };
  student: {
    id: string;
    name: string;
    grade: number;
    section: string;
    phone: string | null;
    guardianName: string | null;
    guardianRelationship: string | null;
    guardianPhone: string | null;
  };
  address: AddressOnFile;
  /** After a failed visit on a case not closed and with nothing pending: the next attempt's form. */
  nextVisit: { assigneeId: string | null; timeWindow: VisitTimeWindow | null; purpose: string; day: string } | null;
  /** The case's next pending visit, once one is planned. */
  pending: { id: string; scheduledFor: Date; timeWindow: VisitTimeWindow | null; assigneeName: string | null } | null;
  stateOffer: StateOffer | null;
  /** Who may be sent on the next attempt (active case team of the school). */
  assignees: VisitAssignee[];
  today: string;
};

export async function getVisitPage(
  user: SessionUser | null,
  visitId: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<VisitPage> {
  authorize(user, "visits.write");
  if (!isUuid(visitId)) throw new AppError("NOT_FOUND", "visit.notFound");
  const v = await db.homeVisit.findFirst({
    where: { AND: [{ id: visitId }, visitWhere(user)] },
    select: {
      id: true,
      caseId: true,
      schoolId: true,
      scheduledFor: true,
      timeWindow: true,
      purpose: true,
      status: true,
      outcome: true,
      visitedAt: true,
      metWith: true,
      notes: true,
      addressConfirmed: true,
      correctedStreet: true,
      correctedReference: true,
      correctedDistrict: true,
      assignee: { select: { id: true, name: true } },
      recordedById: true,
      student: { select: STUDENT_CONTACT_SELECT },
      case: {
        select: {
          id: true,
          state: true,
          version: true,
          homeVisits: {
            where: { status: "SCHEDULED", id: { not: visitId } },
            select: { id: true, scheduledFor: true, timeWindow: true, assignee: { select: { name: true } } },
            orderBy: [{ scheduledFor: "asc" }, { id: "asc" }],
            take: 1,
          },
        },
      },
    },
  });
  if (!v) throw new AppError("NOT_FOUND", "visit.notFound");
  await writeReadAudit(
    db,
    user,
    { action: "visit.read", entity: "HomeVisit", entityId: v.id, schoolId: v.schoolId, details: { caseId: v.caseId } },
    origin,
  );
  const today = todayInLima(now);
  const done = v.status === "DONE" && v.outcome !== null;
  const open = v.case.state !== "CLOSED";
  const [next] = v.case.homeVisits;
  const failed = done && v.outcome !== "CONTACTED";
  const [assignees, stateOffer, recorder] = await Promise.all([
    failed && open && !next
      ? db.user.findMany({
          where: eligibleAssigneesWhere([v.schoolId]),
          select: ASSIGNEE_SELECT,
          orderBy: { name: "asc" },
        })
      : [],
    done && open ? offerFor(db, { caseId: v.caseId, schoolId: v.schoolId }, v.outcome === "CONTACTED") : null,
    v.recordedById ? db.user.findUnique({ where: { id: v.recordedById }, select: { name: true } }) : null,
  ]);
  const s = v.student;
  return {
    visit: {
      id: v.id,
      caseId: v.caseId,
      scheduledFor: v.scheduledFor,
      timeWindow: v.timeWindow,
      purpose: v.purpose,
      assignee: v.assignee,
      status: v.status,
      outcome: v.outcome,
      visitedAt: v.visitedAt,
      metWith: v.metWith,
      notes: v.notes,
      addressConfirmed: v.addressConfirmed,
      corrected: v.correctedStreet
        ? { street: v.correctedStreet, reference: v.correctedReference, district: v.correctedDistrict }
        : null,
      recordedBy: recorder?.name ?? null,
    },
    case: { id: v.case.id, state: v.case.state, version: v.case.version },
    student: {
      id: s.id,
      name: studentName(s),
      grade: s.grade,
      section: s.section,
      phone: s.phone,
      guardianName: s.guardianName,
      guardianRelationship: s.guardianRelationship,
      guardianPhone: s.guardianPhone,
    },
    address: addressOnFile(s, today),
    nextVisit:
      failed && open && !next
        ? {
            // Only someone still on the team keeps the visit; otherwise the form asks.
            assigneeId: assignees.some((a) => a.id === v.assignee?.id) ? v.assignee!.id : null,
            timeWindow: v.timeWindow,
            purpose: v.purpose ?? "",
            day: nextWorkday(today),
          }
        : null,
    pending: next
      ? {
          id: next.id,
          scheduledFor: next.scheduledFor,
          timeWindow: next.timeWindow,
          assigneeName: next.assignee?.name ?? null,
        }
      : null,
    stateOffer,
    assignees,
    today,
  };
}
