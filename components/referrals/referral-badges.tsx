import type { ReferralStatus, ReferralUrgency } from "@/lib/generated/prisma/enums";

// A referral's state, urgency and lateness as text (never colour alone), tinted so a list can
// be scanned.

const STATUS_TONE: Record<ReferralStatus, string> = {
  SENT: "bg-amber-100 text-amber-900",
  ACCEPTED: "bg-sky-100 text-sky-900",
  IN_PROGRESS: "bg-violet-100 text-violet-900",
  CLOSED: "bg-teal-100 text-teal-900",
  REJECTED: "bg-slate-200 text-slate-800",
};

const URGENCY_TONE: Record<ReferralUrgency, string> = {
  URGENT: "border-red-700 text-red-800",
  PRIORITY: "border-amber-700 text-amber-900",
  ROUTINE: "border-slate-400 text-slate-700",
};

const BADGE = "inline-flex items-center rounded px-2 py-0.5 text-sm font-medium";

export function ReferralStatusBadge({ status, label }: { status: ReferralStatus; label: string }) {
  return (
    <span data-status={status} className={`${BADGE} ${STATUS_TONE[status]}`}>
      {label}
    </span>
  );
}

export function UrgencyBadge({ urgency, label }: { urgency: ReferralUrgency; label: string }) {
  return (
    <span data-urgency={urgency} className={`${BADGE} border ${URGENCY_TONE[urgency]}`}>
      {label}
    </span>
  );
}

export function OverdueBadge({ label }: { label: string }) {
  return (
    <span data-testid="overdue" className={`${BADGE} bg-red-700 text-white`}>
      {label}
    </span>
  );
}
