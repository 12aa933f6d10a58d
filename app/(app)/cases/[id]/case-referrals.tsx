import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OverdueBadge, ReferralStatusBadge, UrgencyBadge } from "@/components/referrals/referral-badges";
import { buttonClasses } from "@/components/ui/button";
import { CardSection } from "@/components/ui/card";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import type { CaseFile } from "@/lib/cases/case-file";
import { isOverdue } from "@/lib/referrals/overdue";
import { formatDateTime } from "@/lib/format/date";

/**
 * "Derivaciones", a tab of the case file: each referral's state, deadline (overdue in red and in
 * words) and the agency's answer, without phoning anyone. Agencies see only their own open
 * referral here; the school side sees every referral of the case and may make a new one.
 */
export async function CaseReferrals({ user, file }: { user: SessionUser; file: CaseFile }) {
  const t = await getTranslations("referrals");
  const c = file.case;
  const now = new Date();
  const mayRefer = file.access !== "AGENCY" && c.state !== "CLOSED" && can(user.role, "referrals.create");
  return (
    <CardSection id="case-referrals" title={t("case.title")}>
      {file.referrals.length === 0 ? <p className="mb-3 text-sm text-slate-700">{t("case.empty")}</p> : null}
      <ul className="mb-3 flex flex-col gap-3" data-testid="case-referrals">
        {file.referrals.map((r) => {
          const overdue = isOverdue(r, now);
          return (
            <li
              key={r.id}
              data-testid="case-referral"
              data-status={r.status}
              className={`flex flex-col gap-1 border-b border-slate-100 pb-3 last:border-0 ${overdue ? "border-l-4 border-l-red-700 pl-2" : ""}`}
            >
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{r.agency.name}</span>
                {overdue ? <OverdueBadge label={t("overdue")} /> : null}
                <ReferralStatusBadge status={r.status} label={t(`status.${r.status}`)} />
                <UrgencyBadge urgency={r.urgency} label={t(`urgency.${r.urgency}`)} />
              </p>
              <p className="text-sm text-slate-700">
                {t("list.sent", { date: formatDateTime(r.sentAt) })}
                {r.respondedAt ? ` · ${t("list.answered", { date: formatDateTime(r.respondedAt) })}` : null}
                {r.closedAt ? ` · ${t("list.closed", { date: formatDateTime(r.closedAt) })}` : null}
              </p>
              {r.status === "SENT" ? (
                <p className={`text-sm ${overdue ? "font-semibold text-red-800" : "text-slate-700"}`}>
                  {overdue
                    ? t("overdueSince", { date: formatDateTime(r.dueAt) })
                    : t("dueAt", { date: formatDateTime(r.dueAt) })}
                </p>
              ) : null}
              {r.rejectionReason ? (
                <p className="text-sm text-slate-800">{t("case.rejected", { reason: r.rejectionReason })}</p>
              ) : null}
              {r.counterReferral ? (
                <div className="text-sm text-slate-800" data-testid="case-counter-referral">
                  <p className="whitespace-pre-line">{t("case.counter", { text: r.counterReferral })}</p>
                  {r.counterReferralNextSteps ? (
                    <p className="whitespace-pre-line">{t("case.nextSteps", { text: r.counterReferralNextSteps })}</p>
                  ) : null}
                  {r.caseReturnsToSchool !== null ? (
                    <p className="font-medium">
                      {r.caseReturnsToSchool ? t("case.returns") : t("case.staysWithAgency")}
                    </p>
                  ) : null}
                </div>
              ) : null}
              <Link
                prefetch={false}
                href={`/referrals/${r.id}`}
                className="text-sm text-teal-800 underline underline-offset-2"
              >
                {t("case.open")}
              </Link>
            </li>
          );
        })}
      </ul>
      {mayRefer ? (
        <Link prefetch={false} href={`/cases/${c.id}/referrals/new`} className={buttonClasses("secondary")}>
          {t("case.new")}
        </Link>
      ) : null}
    </CardSection>
  );
}
