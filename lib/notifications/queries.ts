import "server-only";
import { can } from "../auth/policy";
import type { SessionUser } from "../auth/types";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import type { NotificationKind, ReferralStatus, ReferralUrgency } from "../generated/prisma/enums";
import type { Prisma } from "../generated/prisma/client";
import { loadPage, type ListQuery, type Page } from "../lists/page";
import type { TNotificationListFilters } from "./schema";

// Reads of a user's own notifications. Every query has `userId = <the caller>` in its where:
// nobody, whatever their role, reads another user's list. A row carries no child's name or
// case content, only the referral's agency, school, urgency and dates.

export const NOTIFICATIONS_PAGE_SIZE = 25;

/** Any signed-in user has a notification list; there is no permission to hold. */
export function requireSignedIn(user: SessionUser | null | undefined): asserts user is SessionUser {
  if (!user) throw new AppError("UNAUTHENTICATED", "signIn");
}

export const ownNotificationsWhere = (user: SessionUser): Prisma.NotificationWhereInput => ({ userId: user.id });

const ROW_SELECT = {
  id: true,
  kind: true,
  createdAt: true,
  readAt: true,
  caseId: true,
  school: { select: { name: true } },
  referral: {
    select: {
      id: true,
      status: true,
      urgency: true,
      dueAt: true,
      agency: { select: { name: true } },
    },
  },
} satisfies Prisma.NotificationSelect;

export type NotificationRow = {
  id: string;
  kind: NotificationKind;
  createdAt: Date;
  readAt: Date | null;
  schoolName: string | null;
  referral: {
    id: string;
    status: ReferralStatus;
    urgency: ReferralUrgency;
    dueAt: Date;
    agencyName: string;
  } | null;
  /** Where the notification leads, when the reader may open it; null otherwise (coordinators). */
  href: string | null;
};

/** Where a notification leads for this reader: the referral, else the case, else nowhere. */
export function notificationHref(
  user: Pick<SessionUser, "role">,
  row: { referralId: string | null; caseId: string | null },
): string | null {
  if (row.referralId && (can(user.role, "referrals.read") || can(user.role, "referrals.inbox")))
    return `/referrals/${row.referralId}`;
  if (row.caseId && can(user.role, "cases.readSummary")) return `/cases/${row.caseId}`;
  return null;
}

/** The caller's notifications, newest first. */
export const listNotifications: ListQuery<TNotificationListFilters, NotificationRow> = async (
  user,
  filters,
  pageSize = NOTIFICATIONS_PAGE_SIZE,
): Promise<Page<NotificationRow>> => {
  requireSignedIn(user);
  const where = ownNotificationsWhere(user);
  return loadPage(
    filters.page,
    pageSize,
    () => db.notification.count({ where }),
    async ({ skip, take }) => {
      const rows = await db.notification.findMany({
        // One query per relation (see lib/cases/queries.ts): a page out of all the user's.
        relationLoadStrategy: "query",
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip,
        take,
        select: ROW_SELECT,
      });
      return rows.map((n) => ({
        id: n.id,
        kind: n.kind,
        createdAt: n.createdAt,
        readAt: n.readAt,
        schoolName: n.school?.name ?? null,
        referral: n.referral
          ? {
              id: n.referral.id,
              status: n.referral.status,
              urgency: n.referral.urgency,
              dueAt: n.referral.dueAt,
              agencyName: n.referral.agency.name,
            }
          : null,
        href: notificationHref(user, { referralId: n.referral?.id ?? null, caseId: n.caseId }),
      }));
    },
  );
};

/**
 * Unread notifications of the caller, for the header of every page: one count over the partial
 * index notification_user_unread_idx. A signed-out caller has none.
 */
export async function countUnreadNotifications(user: SessionUser | null): Promise<number> {
  if (!user) return 0;
  return db.notification.count({ where: { ...ownNotificationsWhere(user), readAt: null } });
}
