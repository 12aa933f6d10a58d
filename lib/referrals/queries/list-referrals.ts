import "server-only";
import { writeReadAudit } from "../../audit/write-read-audit";
import { can } from "../../auth/policy";
import { referralWhere } from "../../auth/scope";
import { isOverdue, overdueWhere } from "../overdue";
import type { RequestOrigin, SessionUser } from "../../auth/types";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors/app-error";
import type { Prisma } from "../../generated/prisma/client";
import { paginate, type Page } from "../../lists/page";
import { REFERRAL_PAGE_SIZE, type TReferralListFilters } from "../schema";
import { agencyStudentView, studentLabel, type StudentLabel } from "../student-label";

// /referrals: the agency's inbox (AGENCY_STAFF) or the referrals sent from the user's schools
// (case team, director). Overdue first, then the open ones by state and urgency, then the
// finished ones, newest first. Scope is inside every where; the student's name is read only
// for the rows whose reader may see it (lib/referrals/student-label.ts).

const ROW_SELECT = {
  id: true,
  caseId: true,
  status: true,
  urgency: true,
  sentAt: true,
  dueAt: true,
  respondedAt: true,
  closedAt: true,
  sharedSections: true,
  agency: { select: { name: true, type: true } },
  case: { select: { school: { select: { name: true } } } },
} satisfies Prisma.ReferralSelect;

export type ReferralListRow = {
  id: string;
  /** School side only: the case the referral belongs to. */
  caseId: string | null;
  status: Prisma.ReferralGetPayload<{ select: typeof ROW_SELECT }>["status"];
  urgency: Prisma.ReferralGetPayload<{ select: typeof ROW_SELECT }>["urgency"];
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

function filterWhere(user: SessionUser, f: Partial<TReferralListFilters>, now: Date): Prisma.ReferralWhereInput {
  const and: Prisma.ReferralWhereInput[] = [referralWhere(user)];
  if (f.status?.length) and.push({ status: { in: f.status } });
  if (f.urgency) and.push({ urgency: f.urgency });
  if (f.overdue) and.push(overdueWhere(now));
  return { AND: and };
}

type Tier = { where: Prisma.ReferralWhereInput; orderBy: Prisma.ReferralOrderByWithRelationInput[] };

/** The list's three groups, in order; together they cover every row of `base` exactly once. */
function tiers(base: Prisma.ReferralWhereInput, now: Date): Tier[] {
  const overdue = overdueWhere(now);
  return [
    { where: { AND: [base, overdue] }, orderBy: [{ urgency: "asc" }, { dueAt: "asc" }, { id: "asc" }] },
    {
      where: { AND: [base, { status: { in: ["SENT", "ACCEPTED", "IN_PROGRESS"] } }, { NOT: overdue }] },
      orderBy: [{ status: "asc" }, { urgency: "asc" }, { dueAt: "asc" }, { id: "asc" }],
    },
    {
      where: { AND: [base, { status: { in: ["REJECTED", "CLOSED"] } }] },
      orderBy: [{ sentAt: "desc" }, { id: "asc" }],
    },
  ];
}

/** One page across the groups: counts each, then reads the slice of each the page covers. */
async function readTiers(tx: Tx, groups: Tier[], requestedPage: number | undefined, pageSize: number) {
  const counts = await Promise.all(groups.map((g) => tx.referral.count({ where: g.where })));
  const total = counts.reduce((a, b) => a + b, 0);
  const { page, pageCount, offset } = paginate(total, requestedPage, pageSize);
  const rows = [];
  let skip = offset;
  let take = pageSize;
  for (const [i, g] of groups.entries()) {
    if (take === 0) break;
    if (skip >= counts[i]) {
      skip -= counts[i];
      continue;
    }
    const part = await tx.referral.findMany({ where: g.where, orderBy: g.orderBy, select: ROW_SELECT, skip, take });
    rows.push(...part);
    take -= part.length;
    skip = 0;
  }
  return { rows, total, page, pageCount };
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
  const base = filterWhere(user, filters, now);
  const schoolSide = user.role !== "AGENCY_STAFF";
  const [{ rows, total, page, pageCount }, agency] = await Promise.all([
    readTiers(db, tiers(base, now), filters.page, pageSize),
    !schoolSide && user.agencyId
      ? db.agency.findUnique({ where: { id: user.agencyId }, select: { name: true } })
      : null,
  ]);
  const labels = await labelStudents(db, user, rows);
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
      agencyName: r.agency.name,
      schoolName: r.case.school.name,
      student: labels.get(r.id) ?? null,
    })),
    total,
    page,
    pageSize,
    pageCount,
    agencyName: agency?.name ?? null,
  };
}
