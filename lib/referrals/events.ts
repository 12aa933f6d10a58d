import type { Prisma } from "../generated/prisma/client";
import type { ReferralStatus, ReferralUrgency } from "../generated/prisma/enums";

// The case-timeline entries of a referral (CaseEvent REFERRAL when sent, REFERRAL_UPDATE for
// each answer of the agency). The body is a Spanish sentence for readers without the page's
// wording (exports, the audit); the page words them from `data` in the reader's language and
// reads the counter-referral from the referral itself. Referral events are never shown to an
// agency (lib/cases/case-file.ts EVENT_SECTION): they name other agencies.

type Entry = { body: string; data: Prisma.InputJsonObject };

const URGENCY_ES: Record<ReferralUrgency, string> = { URGENT: "urgente", PRIORITY: "prioritaria", ROUTINE: "regular" };

const UPDATE_ES: Record<Exclude<ReferralStatus, "SENT">, string> = {
  ACCEPTED: "aceptó la derivación.",
  REJECTED: "rechazó la derivación.",
  IN_PROGRESS: "caso en atención.",
  CLOSED: "cerró la atención y envió la contrarreferencia.",
};

type Ref = { referralId: string; agencyId: string; agencyName: string };

export function referralSentEntry(r: Ref & { urgency: ReferralUrgency; dueAt: Date; taskIds: string[] }): Entry {
  return {
    body: `Derivación a ${r.agencyName} (${URGENCY_ES[r.urgency]}).`,
    data: {
      referralId: r.referralId,
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      status: "SENT",
      urgency: r.urgency,
      dueAt: r.dueAt.toISOString(),
      ...(r.taskIds.length ? { completesTaskIds: r.taskIds } : {}),
    },
  };
}

export function referralUpdateEntry(r: Ref & { status: Exclude<ReferralStatus, "SENT"> }): Entry {
  const sep = r.status === "IN_PROGRESS" ? ": " : " ";
  return {
    body: `${r.agencyName}${sep}${UPDATE_ES[r.status]}`,
    data: { referralId: r.referralId, agencyId: r.agencyId, agencyName: r.agencyName, status: r.status },
  };
}
