"use client";

import { PendingLink } from "@/components/nav/pending-link";
import { OverdueBadge, ReferralStatusBadge, UrgencyBadge } from "@/components/referrals/referral-badges";
import type { ReferralStatus, ReferralUrgency } from "@/lib/generated/prisma/enums";

/** One referral of the list as its card draws it: every text already written on the server. */
export type ReferralCardView = {
  id: string;
  status: ReferralStatus;
  statusLabel: string;
  urgency: ReferralUrgency;
  urgencyLabel: string;
  /** The lateness badge's text, when the answer is overdue. */
  overdue: string | null;
  /** The student's name (or that there is none to show) and the link's accessible name. */
  title: string;
  openLabel: string;
  /** From which school or to which agency, and when it was sent. */
  line: string;
  /** The due date, or when it was answered or closed. */
  due: string | null;
};

/**
 * The referral list's cards, drawn from their strings: the page sends its referrals as data
 * rather than as a tree of elements, and the server writes their HTML once (decision 017, ninth
 * round).
 */
export function ReferralCards({ rows }: { rows: readonly ReferralCardView[] }) {
  return rows.map((r) => (
    <li
      key={r.id}
      data-testid="referral-row"
      data-status={r.status}
      data-overdue={r.overdue !== null || undefined}
      className="list-card"
    >
      <div className="list-card-head">
        <PendingLink href={`/referrals/${r.id}`} aria-label={r.openLabel} className="list-card-title">
          {r.title}
        </PendingLink>
        <span className="flex flex-wrap gap-1">
          {r.overdue !== null ? <OverdueBadge label={r.overdue} /> : null}
          <ReferralStatusBadge status={r.status} label={r.statusLabel} />
          <UrgencyBadge urgency={r.urgency} label={r.urgencyLabel} />
        </span>
      </div>
      <p className="list-card-line">{r.line}</p>
      <p className="list-card-line list-card-due">{r.due}</p>
    </li>
  ));
}
