import { PendingLink } from "@/components/nav/pending-link";
import { getTranslations } from "next-intl/server";
import { OverdueBadge, ReferralStatusBadge, UrgencyBadge } from "@/components/referrals/referral-badges";
import { formatDateTime } from "@/lib/format/date";
import type { ReferralListRow } from "@/lib/referrals/queries/list-referrals";

/** Cards rather than a table: they read the same at 360 px and on a desktop (`.list-card`, app/globals.css). */
export async function ReferralList({ rows, agency }: { rows: ReferralListRow[]; agency: boolean }) {
  const t = await getTranslations("referrals");
  return (
    <ul className="flex flex-col gap-2" data-testid="referral-list">
      {rows.map((r) => {
        const who = r.student?.text;
        return (
          <li
            key={r.id}
            data-testid="referral-row"
            data-status={r.status}
            data-overdue={r.overdue || undefined}
            className="list-card"
          >
            <div className="list-card-head">
              <PendingLink
                href={`/referrals/${r.id}`}
                aria-label={
                  who
                    ? t("list.open", { name: who })
                    : t("list.openAnonymous", { student: t("list.noStudent"), date: formatDateTime(r.sentAt) })
                }
                className="list-card-title"
              >
                {who ?? t("list.noStudent")}
              </PendingLink>
              <span className="flex flex-wrap gap-1">
                {r.overdue ? <OverdueBadge label={t("overdue")} /> : null}
                <ReferralStatusBadge status={r.status} label={t(`status.${r.status}`)} />
                <UrgencyBadge urgency={r.urgency} label={t(`urgency.${r.urgency}`)} />
              </span>
            </div>
            <p className="list-card-line">
              {agency ? t("list.from", { school: r.schoolName }) : t("list.to", { agency: r.agencyName })}
              {" · "}
              {t("list.sent", { date: formatDateTime(r.sentAt) })}
            </p>
            <p className="list-card-line list-card-due">
              {r.status === "SENT"
                ? r.overdue
                  ? t("overdueSince", { date: formatDateTime(r.dueAt) })
                  : t("dueAt", { date: formatDateTime(r.dueAt) })
                : r.closedAt
                  ? t("list.closed", { date: formatDateTime(r.closedAt) })
                  : r.respondedAt
                    ? t("list.answered", { date: formatDateTime(r.respondedAt) })
                    : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
