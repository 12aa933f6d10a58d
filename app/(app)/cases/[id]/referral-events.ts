import type { getTranslations } from "next-intl/server";
import type { CaseFile } from "@/lib/cases/case-file";
import { UNSETTLED_REFERRAL_STATUSES } from "@/lib/referrals/labels";

// Timeline wording of referral events (lib/referrals/events.ts shapes, and the demo seed's):
// the agency's name, the step, and the agency's answer read from the referral itself (its
// rejection reason, its counter-referral), so it stays the agency's words in any language.

type Translate = Awaited<ReturnType<typeof getTranslations<"referrals">>>;
type Data = Record<string, unknown>;

/** What the timeline needs of a referral of the case. */
export type TimelineReferral = {
  agencyName: string;
  rejectionReason: string | null;
  counterReferral: string | null;
  nextSteps: string | null;
  returnsToSchool: boolean | null;
};

const URGENCIES = ["URGENT", "PRIORITY", "ROUTINE"] as const;
const UPDATES = ["ACCEPTED", "REJECTED", "IN_PROGRESS", "CLOSED"] as const;

/** Title and detail of a REFERRAL / REFERRAL_UPDATE event about a referral, or null for other shapes. */
export function describeReferralEvent(
  t: Translate,
  type: string,
  d: Data,
  referrals: ReadonlyMap<string, TimelineReferral>,
): { title: string; detail?: string | null } | null {
  if (typeof d.referralId !== "string") return null;
  const r = referrals.get(d.referralId);
  const agency = r?.agencyName ?? (typeof d.agencyName === "string" ? d.agencyName : t("timeline.theAgency"));
  if (type === "REFERRAL") {
    const urgency = URGENCIES.find((u) => u === d.urgency);
    return { title: t("timeline.sent", { agency, urgency: urgency ? t(`urgency.${urgency}`).toLowerCase() : "—" }) };
  }
  const status = UPDATES.find((s) => s === d.status);
  if (type !== "REFERRAL_UPDATE" || !status) return null;
  const title = t(`timeline.${status}`, { agency });
  if (status === "REJECTED" && r?.rejectionReason)
    return { title, detail: t("timeline.rejectedBecause", { reason: r.rejectionReason }) };
  if (status === "CLOSED" && r?.counterReferral) {
    const lines = [t("timeline.counter", { text: r.counterReferral })];
    if (r.nextSteps) lines.push(t("timeline.nextSteps", { text: r.nextSteps }));
    if (r.returnsToSchool !== null)
      lines.push(r.returnsToSchool ? t("timeline.returns") : t("timeline.staysWithAgency"));
    return { title, detail: lines.join("\n") };
  }
  return { title };
}

/** The case's referrals by id, as the timeline reads them. */
export function timelineReferrals(file: Pick<CaseFile, "referrals">): Map<string, TimelineReferral> {
  return new Map(
    file.referrals.map((r) => [
      r.id,
      {
        agencyName: r.agency.name,
        rejectionReason: r.rejectionReason,
        counterReferral: r.counterReferral,
        nextSteps: r.counterReferralNextSteps,
        returnsToSchool: r.caseReturnsToSchool,
      },
    ]),
  );
}

/** Referrals that a closing of the case must confirm (still SENT or ACCEPTED), for the state form. */
export function unsettledReferrals(file: Pick<CaseFile, "referrals">): { count: number; agencies: string } {
  const open = file.referrals.filter((r) => (UNSETTLED_REFERRAL_STATUSES as readonly string[]).includes(r.status));
  return { count: open.length, agencies: [...new Set(open.map((r) => r.agency.name))].join(", ") };
}
