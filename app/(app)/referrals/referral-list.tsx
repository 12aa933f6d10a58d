import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format/date";
import type { ReferralListRow } from "@/lib/referrals/queries/list-referrals";
import { ReferralCards } from "./referral-cards";

/** Cards rather than a table: they read the same at 360 px and on a desktop (`.list-card`, app/globals.css). */
export async function ReferralList({ rows, agency }: { rows: ReferralListRow[]; agency: boolean }) {
  const t = await getTranslations("referrals");
  return (
    <ul className="flex flex-col gap-2" data-testid="referral-list">
      <ReferralCards
        rows={rows.map((r) => {
          const who = r.student?.text;
          return {
            id: r.id,
            status: r.status,
            statusLabel: t(`status.${r.status}`),
            urgency: r.urgency,
            urgencyLabel: t(`urgency.${r.urgency}`),
            overdue: r.overdue ? t("overdue") : null,
            title: who ?? t("list.noStudent"),
            openLabel: who
              ? t("list.open", { name: who })
              : t("list.openAnonymous", { student: t("list.noStudent"), date: formatDateTime(r.sentAt) }),
            line: [
              agency ? t("list.from", { school: r.schoolName }) : t("list.to", { agency: r.agencyName }),
              t("list.sent", { date: formatDateTime(r.sentAt) }),
            ].join(" · "),
            due:
              r.status === "SENT"
                ? r.overdue
                  ? t("overdueSince", { date: formatDateTime(r.dueAt) })
                  : t("dueAt", { date: formatDateTime(r.dueAt) })
                : r.closedAt
                  ? t("list.closed", { date: formatDateTime(r.closedAt) })
                  : r.respondedAt
                    ? t("list.answered", { date: formatDateTime(r.respondedAt) })
                    : null,
          };
        })}
      />
    </ul>
  );
}
