import "server-only";
import { authorize } from "../auth/authorize";
import { can } from "../auth/policy";
import { caseWhere, scopedSchoolIds, visitWhere } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import type { Prisma } from "../generated/prisma/client";
import { isoFromDay, todayInLima } from "../format/date";
import { ASSIGNEE_SELECT, eligibleAssigneesWhere, type VisitAssignee } from "./assignees";
import type { TVisitListFilters } from "./schema";
import { isContactStale } from "./staleness";
import { studentName } from "./student-name";

// Reads of the visits domain. Every query carries the caller's scope in its `where`
// (lib/auth/scope.ts); directors never receive a visit's purpose or notes (not selected).

/** Most rows "Mis visitas" shows at once; a longer list says it was cut. */
export const MY_VISITS_LIMIT = 300;

export const STUDENT_CONTACT_SELECT = {
  id: true,
  paternalSurname: true,
  maternalSurname: true,
  givenNames: true,
  grade: true,
  section: true,
  addressStreet: true,
  addressReference: true,
  addressDistrict: true,
  addressVerifiedAt: true,
  phone: true,
  guardianName: true,
  guardianRelationship: true,
  guardianPhone: true,
} satisfies Prisma.StudentSelect;

const MY_VISIT_SELECT = {
  id: true,
  caseId: true,
  scheduledFor: true,
  timeWindow: true,
  assigneeId: true,
  student: { select: STUDENT_CONTACT_SELECT },
  case: {
    select: {
      school: { select: { name: true } },
      _count: { select: { homeVisits: { where: { status: "DONE" } } } },
    },
  },
} satisfies Prisma.HomeVisitSelect;

type MyVisitRecord = Prisma.HomeVisitGetPayload<{ select: typeof MY_VISIT_SELECT }>;

export type MyVisitRow = Omit<MyVisitRecord, "case" | "assigneeId"> & {
  schoolName: string;
  /** Null for viewers who may not read visit text (directors). */
  purpose: string | null;
  assignee: { id: string; name: string } | null;
  /** Visits already made on this case: this one is attempt number previousVisits + 1. */
  previousVisits: number;
  addressStale: boolean;
};
export type VisitGroup = { district: string | null; rows: MyVisitRow[] };
export type MyVisits = {
  /** The assignee filter applied: "me", "all" or a case-team member's id. */
  assignee: string;
  /** Today in Lima (YYYY-MM-DD). */
  day: string;
  overdue: VisitGroup[];
  today: VisitGroup[];
  upcoming: VisitGroup[];
  total: number;
  truncated: boolean;
};

/** Case-team members of the caller's schools: the options of the team lead's assignee filter. */
export async function listVisitAssignees(user: SessionUser | null): Promise<VisitAssignee[]> {
  authorize(user, "visits.read");
  const schoolIds = scopedSchoolIds(user);
  if (schoolIds.length === 0) return [];
  return db.user.findMany({
    where: eligibleAssigneesWhere(schoolIds),
    select: ASSIGNEE_SELECT,
    orderBy: { name: "asc" },
  });
}

/**
 * "Mis visitas": scheduled visits without an outcome, split into overdue / today / upcoming,
 * each grouped by district and ordered by address so one trip covers neighbours. Case-team
 * members see their own by default; anyone may choose "all" or a colleague of their schools.
 */
export async function findMyVisits(
  user: SessionUser | null,
  filters: TVisitListFilters,
  now: Date = new Date(),
): Promise<MyVisits> {
  authorize(user, "visits.read");
  const isTeam = can(user.role, "visits.write");
  let assignee = filters.assignee ?? (isTeam ? "me" : "all");
  if (assignee !== "me" && assignee !== "all") {
    const options = await listVisitAssignees(user);
    if (!options.some((o) => o.id === assignee)) assignee = isTeam ? "me" : "all";
  }
  const and: Prisma.HomeVisitWhereInput[] = [
    visitWhere(user),
    { status: "SCHEDULED" },
    // Pending visits of a closed case are nobody's route any more.
    { case: { state: { not: "CLOSED" } } },
  ];
  if (assignee !== "all") and.push({ assigneeId: assignee === "me" ? user.id : assignee });
  const showText = can(user.role, "cases.read");
  const records = await db.homeVisit.findMany({
    // One query per relation (see lib/cases/queries.ts): a page out of every planned visit.
    relationLoadStrategy: "query",
    where: { AND: and },
    select: showText ? { ...MY_VISIT_SELECT, purpose: true } : MY_VISIT_SELECT,
    orderBy: [
      { student: { addressDistrict: { sort: "asc", nulls: "last" } } },
      { student: { addressStreet: { sort: "asc", nulls: "last" } } },
      { scheduledFor: "asc" },
      { timeWindow: { sort: "asc", nulls: "last" } },
      { id: "asc" },
    ],
    take: MY_VISITS_LIMIT + 1,
  });
  const truncated = records.length > MY_VISITS_LIMIT;
  const shown = records.slice(0, MY_VISITS_LIMIT);
  const names = await assigneeNames(
    user,
    shown.map((r) => r.assigneeId),
  );
  const day = todayInLima(now);
  const rows = shown.map(
    ({ case: c, assigneeId, ...r }): MyVisitRow => ({
      ...r,
      schoolName: c.school.name,
      purpose: "purpose" in r ? (r.purpose as string | null) : null,
      assignee: assigneeId ? { id: assigneeId, name: names.get(assigneeId) ?? "" } : null,
      previousVisits: c._count.homeVisits,
      addressStale: isContactStale(r.student.addressVerifiedAt, day),
    }),
  );
  const dayOf = (r: MyVisitRow) => isoFromDay(r.scheduledFor);
  return {
    assignee,
    day,
    overdue: groupByDistrict(rows.filter((r) => dayOf(r) < day)),
    today: groupByDistrict(rows.filter((r) => dayOf(r) === day)),
    upcoming: groupByDistrict(rows.filter((r) => dayOf(r) > day)),
    total: rows.length,
    truncated,
  };
}

/** Consecutive rows of one district form a group (the rows arrive ordered by district). */
function groupByDistrict(rows: MyVisitRow[]): VisitGroup[] {
  const groups: VisitGroup[] = [];
  for (const row of rows) {
    const district = row.student.addressDistrict;
    const last = groups[groups.length - 1];
    if (last && last.district === district) last.rows.push(row);
    else groups.push({ district, rows: [row] });
  }
  return groups;
}

/** Names of assignees, limited to people serving the caller's schools. */
async function assigneeNames(user: SessionUser, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const rows = await db.user.findMany({
    where: { id: { in: unique }, schools: { some: { schoolId: { in: scopedSchoolIds(user) } } } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type AddressOnFile = {
  street: string | null;
  reference: string | null;
  district: string | null;
  verifiedAt: Date | null;
  /** Never verified, or verified more than six months ago: shown in red before a visit. */
  isStale: boolean;
};

export type ScheduleVisitContext = {
  case: { id: string; state: string; version: number; schoolId: string; schoolName: string };
  student: { id: string; name: string; grade: number; section: string; phone: string | null };
  address: AddressOnFile;
  /** Active case-team members of the case's school. */
  assignees: VisitAssignee[];
  /** The caller when they may be sent, so one tap less. */
  defaultAssigneeId: string | null;
  /** Visits already planned for this case, so nobody plans the same trip twice. */
  pending: { id: string; scheduledFor: Date; timeWindow: string | null; assigneeId: string | null }[];
  today: string;
};

/** What the scheduling form shows before anything is written. */
export async function getScheduleVisitContext(
  user: SessionUser | null,
  caseId: string,
  now: Date = new Date(),
): Promise<ScheduleVisitContext> {
  authorize(user, "visits.write");
  if (!isUuid(caseId)) throw new AppError("NOT_FOUND", "case.notFound");
  const c = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseWhere(user), { state: { not: "CLOSED" } }] },
    select: {
      id: true,
      state: true,
      version: true,
      schoolId: true,
      school: { select: { name: true } },
      student: { select: STUDENT_CONTACT_SELECT },
      homeVisits: {
        where: { status: "SCHEDULED" },
        select: { id: true, scheduledFor: true, timeWindow: true, assigneeId: true },
        orderBy: { scheduledFor: "asc" },
      },
    },
  });
  if (!c) throw new AppError("NOT_FOUND", "case.notFound");
  const assignees = await db.user.findMany({
    where: eligibleAssigneesWhere([c.schoolId]),
    select: ASSIGNEE_SELECT,
    orderBy: { name: "asc" },
  });
  const today = todayInLima(now);
  const s = c.student;
  return {
    case: { id: c.id, state: c.state, version: c.version, schoolId: c.schoolId, schoolName: c.school.name },
    student: {
      id: s.id,
      name: studentName(s),
      grade: s.grade,
      section: s.section,
      phone: s.phone,
    },
    address: addressOnFile(s, today),
    assignees,
    defaultAssigneeId: assignees.some((a) => a.id === user.id) ? user.id : null,
    pending: c.homeVisits,
    today,
  };
}

export function addressOnFile(
  s: {
    addressStreet: string | null;
    addressReference: string | null;
    addressDistrict: string | null;
    addressVerifiedAt: Date | null;
  },
  today: string,
): AddressOnFile {
  return {
    street: s.addressStreet,
    reference: s.addressReference,
    district: s.addressDistrict,
    verifiedAt: s.addressVerifiedAt,
    isStale: isContactStale(s.addressVerifiedAt, today),
  };
}

export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
