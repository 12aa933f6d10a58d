import type { ReferralStatus, ReferralUrgency } from "@/lib/generated/prisma/enums";

// A referral's state, urgency and lateness as text (never colour alone), tinted so a list can
// be scanned. The tints are `.badge` in app/globals.css, keyed by the data attribute.

export function ReferralStatusBadge({ status, label }: { status: ReferralStatus; label: string }) {
  return (
    <span data-status={status} className="badge">
      {label}
    </span>
  );
}

export function UrgencyBadge({ urgency, label }: { urgency: ReferralUrgency; label: string }) {
  return (
    <span data-urgency={urgency} className="badge">
      {label}
    </span>
  );
}

export function OverdueBadge({ label }: { label: string }) {
  return (
    <span data-testid="overdue" className="badge badge-overdue">
      {label}
    </span>
  );
}
