import "server-only";
import { writeReadAudit } from "../../audit/write-read-audit";
import { can } from "../../auth/policy";
import { referralWhere, scopedSchoolIds } from "../../auth/scope";
import { isOverdue, overdueSql } from "../overdue";
import type { RequestOrigin, SessionUser } from "../../auth/types";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import type { ReferralStatus, ReferralUrgency } from "../../generated/prisma/enums";
import { loadPageWithTotal, type Page } from "../../lists/page";
import { REFERRAL_PAGE_SIZE, type TReferralListFilters } from "../schema";
import { agencyStudentView, studentLabel, type StudentLabel } from "../student-label";

// /referrals: the agency's inbox (AGENCY_STAFF) or the referrals sent from the user's schools
// (case team, director). Overdue first, then the open ones by state and urgency, then the
// finished ones, newest first. Scope is inside every where; the student's name is read only
// for the rows whose reader may see it (lib/referrals/student-label.ts).

export type ReferralListRow = {
  id: string;
  /** School side only: the case the referral belongs to. */
  caseId: string | null;
  status: ReferralStatus;
  urgency: ReferralUrgency;
  sentAt: Date;
  dueAt: Date;
  respondedAt: Date | null;
  closedAt: Date | null;
  overdue: boolean;
  agencyName: string;
  schoolName: string;
  student: StudentLabel | null;
};

const NAME_SELECT = { paternalSurname: true, maternalSurname: true, givenNames: true } as const;

/** A row as the list's statement returns it (JSON: dates as text). */
type RawRow = Omit<ReferralListRow, "sentAt" | "dueAt" | "respondedAt" | "closedAt" | "overdue" | "student"> & {
  sentAt: string;
  dueAt: string;
  respondedAt: string | null;
  closedAt: string | null;
  sharedSections: string[];
  name: { paternalSurname: string; maternalSurname: string | null; givenNames: string } | null;
};

/** The scope (as referralWhere says) and the filters of the list, as SQL; overdue as lib/referrals/overdue.ts. */
function listWhereSql(user: SessionUser, f: Partial<TReferralListFilters>, now: Date): Prisma.Sql {
  const scope =
    user.role === "AGENCY_STAFF"
      ? user.agencyId
        ? Prisma.sql`r."agencyId" = ${user.agencyId}::uuid`
        : Prisma.sql`false`
      : can(user.role, "referrals.read")
        ? Prisma.sql`r."schoolId" = ANY(${scopedSchoolIds(user)}::uuid[])`
        : Prisma.sql`false`;
  const and = [scope];
  if (f.status?.length) and.push(Prisma.sql`r.status::text = ANY(${f.status}::text[])`);
  if (f.urgency) and.push(Prisma.sql`r.urgency = ${f.urgency}::"ReferralUrgency"`);
  if (f.overdue) and.push(overdueSql(now));
  return Prisma.join(and, " AND ");
}

/**
 * One page of the list in one statement, with the total: overdue first (by urgency, then
 * deadline), then the open ones (by state, urgency, deadline), then the finished ones (newest
 * first), numbered once by a window function. Three counts and up to three reads before (decision 017, seventh round). The school
 * side reads the student's name with the row; an agency's names are read afterwards, only for
 * the rows it may see them in (labelStudents).
 */
async function readPage(user: SessionUser, where: Prisma.Sql, now: Date, take: number, skip: number) {
  const withName = user.role !== "AGENCY_STAFF";
  const name = withName
    ? Prisma.sql`json_build_object('paternalSurname', st."paternalSurname", 'maternalSurname', st."maternalSurname", 'givenNames', st."givenNames")`
    : Prisma.sql`NULL`;
  const [result] = await db.$queryRaw<{ total: number; rows: RawRow[] }[]>`
    WITH listed AS (
      SELECT r.*, row_number() OVER (
               ORDER BY tier, CASE WHEN tier = 1 THEN r.status END, CASE WHEN tier < 2 THEN r.urgency END,
                        CASE WHEN tier < 2 THEN r."dueAt" END, CASE WHEN tier = 2 THEN r."sentAt" END DESC, r.id
             ) AS position
        FROM referral r
        CROSS JOIN LATERAL (SELECT CASE WHEN ${overdueSql(now)} THEN 0
                                        WHEN r.status IN ('SENT', 'ACCEPTED', 'IN_PROGRESS') THEN 1 ELSE 2 END AS tier) g
       WHERE ${where}
    ), page AS (
      SELECT * FROM listed ORDER BY position LIMIT ${take} OFFSET ${skip}
    )
    -- A NULL list of shared sections reads as an empty one (as Prisma read it).
    SELECT (SELECT count(*)::int FROM listed) AS total, COALESCE((
      SELECT json_agg(json_build_object(
               'id', p.id, 'caseId', p."caseId", 'status', p.status, 'urgency', p.urgency,
               'sentAt', p."sentAt", 'dueAt', p."dueAt", 'respondedAt', p."respondedAt", 'closedAt', p."closedAt",
               'sharedSections', COALESCE(p."sharedSections", '{}'), 'agencyName', ag.name, 'schoolName', sc.name, 'name', ${name})
             ORDER BY p.position)
        FROM page p JOIN agency ag ON ag.id = p."agencyId" JOIN school sc ON sc.id = p."schoolId"
        JOIN student st ON st.id = p."studentId"
    ), '[]'::json) AS rows`;
  return result;
}

/** One page of the list: a page past the end shows the last one (loadPageWithTotal). */
async function readList(
  user: SessionUser,
  where: Prisma.Sql,
  now: Date,
  requestedPage: number | undefined,
  pageSize: number,
) {
  const { result, window } = await loadPageWithTotal(requestedPage, pageSize, ({ skip, take }) =>
    readPage(user, where, now, take, skip),
  );
  const rows = result.rows.map((r) => ({
    ...r,
    sentAt: new Date(r.sentAt),
    dueAt: new Date(r.dueAt),
    respondedAt: r.respondedAt ? new Date(r.respondedAt) : null,
    closedAt: r.closedAt ? new Date(r.closedAt) : null,
  }));
  return { rows, total: result.total, page: window.page, pageCount: window.pageCount };
}

/** Student labels for the rows whose reader may see them, read in a second query for just those. */
async function labelStudents(
  tx: Tx,
  user: SessionUser,
  rows: { id: string; status: string; sharedSections: string[] }[],
) {
  const agency = user.role === "AGENCY_STAFF" ? user.agencyType : null;
  const views = new Map(
    rows.map((r) => [
      r.id,
      agency ? agencyStudentView(agency, r.status as never, r.sharedSections as never) : ("name" as const),
    ]),
  );
  const ids = rows.filter((r) => views.get(r.id)).map((r) => r.id);
  if (ids.length === 0) return new Map<string, StudentLabel | null>();
  const names = await tx.referral.findMany({
    where: { AND: [{ id: { in: ids } }, referralWhere(user)] },
    select: { id: true, student: { select: NAME_SELECT } },
  });
  return new Map(names.map((n) => [n.id, studentLabel(views.get(n.id)!, n.student)]));
}

export type ReferralListPage = Page<ReferralListRow> & {
  /** Agency staff: the name of their agency instance, for the inbox's heading. */
  agencyName: string | null;
};

/**
 * A page of /referrals for `user`. The list is a view of children's data, so it is audited
 * like a case read (`referral.list`, once per sitting and filter set).
 */
export async function findReferrals(
  user: SessionUser | null,
  filters: Partial<TReferralListFilters>,
  origin?: RequestOrigin,
  pageSize = REFERRAL_PAGE_SIZE,
  now: Date = new Date(),
): Promise<ReferralListPage> {
  if (!user) throw new AppError("UNAUTHENTICATED", "signIn");
  if (!can(user.role, "referrals.inbox") && !can(user.role, "referrals.read"))
    throw new AppError("NOT_FOUND", "notFound");
  // Not one interactive transaction: at READ COMMITTED it gave the reads no common snapshot,
  // but held one connection across every round trip, which under load emptied the pool (as the
  // case file did, decision 017). The reads go out in parallel where they can; the list's read
  // is recorded once they succeeded, before anything is returned.
  const schoolSide = user.role !== "AGENCY_STAFF";
  const [{ rows, total, page, pageCount }, agency] = await Promise.all([
    readList(user, listWhereSql(user, filters, now), now, filters.page, pageSize),
    !schoolSide && user.agencyId
      ? db.agency.findUnique({ where: { id: user.agencyId }, select: { name: true } })
      : null,
  ]);
  const labels = schoolSide
    ? new Map(rows.map((r) => [r.id, r.name ? studentLabel("name", r.name) : null]))
    : await labelStudents(db, user, rows);
  await writeReadAudit(
    db,
    user,
    {
      action: "referral.list",
      entity: "Referral",
      entityId: schoolSide ? "sent" : `inbox:${user.agencyId}`,
      details: {
        status: filters.status ?? [],
        urgency: filters.urgency ?? null,
        overdue: Boolean(filters.overdue),
        page,
      },
    },
    origin,
  );
  return {
    rows: rows.map((r) => ({
      id: r.id,
      caseId: schoolSide ? r.caseId : null,
      status: r.status,
      urgency: r.urgency,
      sentAt: r.sentAt,
      dueAt: r.dueAt,
      respondedAt: r.respondedAt,
      closedAt: r.closedAt,
      overdue: isOverdue(r, now),
      agencyName: r.agencyName,
      schoolName: r.schoolName,
      student: labels.get(r.id) ?? null,
    })),
    total,
    page,
    pageSize,
    pageCount,
    agencyName: agency?.name ?? null,
  };
}
