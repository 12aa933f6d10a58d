import { Prisma } from "../generated/prisma/client";
import type { ReferralStatus } from "../generated/prisma/enums";

// The one definition of an overdue referral: still unanswered (SENT) after its response
// deadline. Accepted or rejected referrals are answered, whatever their date. The deadline job
// (escalate-deadlines.ts) uses the same condition in SQL.

/** Where-clause of the overdue referrals at `now` (combine it with the caller's scope). */
export const overdueWhere = (now: Date): Prisma.ReferralWhereInput => ({ status: "SENT", dueAt: { lt: now } });

/** The same condition in SQL, on the referral row aliased `r` (the lists read in one statement). */
export const overdueSql = (now: Date): Prisma.Sql => Prisma.sql`(r.status = 'SENT' AND r."dueAt" < ${now})`;

/** The same test for a row already read. */
export const isOverdue = (r: { status: ReferralStatus; dueAt: Date }, now: Date): boolean =>
  r.status === "SENT" && r.dueAt < now;
