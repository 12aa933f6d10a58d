import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { parseListParams, type RawSearchParams } from "@/lib/lists/params";
import { listNotifications, type NotificationRow } from "@/lib/notifications/queries";
import { ZNotificationListFilters } from "@/lib/notifications/schema";
import { MarkAllReadButton, MarkReadButton } from "./mark-read-buttons";

export const generateMetadata = titleFrom("notifications", "title");

type Props = { searchParams: Promise<RawSearchParams> };

/** The signed-in user's own notifications, newest first, unread ones marked. */
export default async function NotificationsPage({ searchParams }: Props) {
  const user = await requireUser();
  const filters = parseListParams(await searchParams, ZNotificationListFilters);
  const [t, result] = await Promise.all([getTranslations("notifications"), listNotifications(user, filters)]);
  const hasUnread = result.rows.some((n) => !n.readAt);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={result.total > 0 ? <MarkAllReadButton hasUnread={hasUnread} /> : null}
      />
      <p className="text-sm text-slate-700" role="status" data-testid="notification-count">
        {t("count", { total: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">{t("empty")}</p>
      ) : (
        <ul className="space-y-2" data-testid="notification-list">
          {result.rows.map((n) => (
            <NotificationItem key={n.id} n={n} />
          ))}
        </ul>
      )}
      <Pager path="/notifications" filters={filters} page={result.page} pageCount={result.pageCount} />
    </div>
  );
}

async function NotificationItem({ n }: { n: NotificationRow }) {
  const t = await getTranslations("notifications");
  const school = n.schoolName ?? "—";
  const agency = n.referral?.agencyName ?? "—";
  const due = formatDateTime(n.referral?.dueAt);
  const unread = !n.readAt;
  return (
    <li
      className={`rounded-md border p-4 ${unread ? "border-teal-600 bg-teal-50" : "border-slate-200 bg-white"}`}
      data-unread={unread ? "true" : "false"}
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <p className="font-medium text-slate-900">
            {unread ? (
              <span className="mr-2 rounded bg-teal-700 px-2 py-0.5 text-xs text-white">{t("unread")}</span>
            ) : null}
            {t(`kinds.${n.kind}`, { school, agency, due })}
          </p>
          {n.referral ? (
            <p className="text-sm text-slate-700">
              {t("details", { school, agency, urgency: t(`urgency.${n.referral.urgency}`), due })}
            </p>
          ) : null}
          <p className="text-sm text-slate-600">{t("received", { at: formatDateTime(n.createdAt) })}</p>
          {n.href ? (
            <Link
              prefetch={false}
              href={n.href}
              className="inline-flex min-h-11 items-center font-medium text-teal-800 underline"
            >
              {n.href.startsWith("/referrals/") ? t("open") : t("openCase")}
            </Link>
          ) : (
            <p className="text-sm text-slate-600">{t("noLink")}</p>
          )}
        </div>
        {unread ? <MarkReadButton notificationId={n.id} /> : null}
      </div>
    </li>
  );
}
