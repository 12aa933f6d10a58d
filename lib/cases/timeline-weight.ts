import type { TimelineItem } from "./timeline";

// How much a timeline entry weighs, so the one that needs someone today (a same-day urgent
// referral raised by a self-harm answer, an urgent referral, a high risk level) stands out from
// an absence. Shown by colour, an icon and a word: never by colour alone.

export type TimelineWeight = "urgent" | "attention" | "normal" | "minor";

const data = (item: TimelineItem): Record<string, unknown> => {
  if (item.kind !== "event") return {};
  const d = item.event.data;
  return d && typeof d === "object" && !Array.isArray(d) ? (d as Record<string, unknown>) : {};
};

export function timelineWeight(item: TimelineItem): TimelineWeight {
  if (item.kind === "absence") return "minor";
  // A referral left unanswered past its response deadline: someone must chase the agency.
  if (item.kind === "referralOverdue") return "urgent";
  if (item.kind === "alert") return "attention";
  const d = data(item);
  switch (item.event.type) {
    case "REFERRAL":
    case "REFERRAL_UPDATE":
      // The urgent CSMC referral a signed evaluation with self-harm requires, until it is made.
      if (d.task === "URGENT_REFERRAL") return d.stage === "DONE" ? "attention" : "urgent";
      return d.urgency === "URGENT" ? "urgent" : "attention";
    case "EVALUATION":
      return d.overallLevel === "HIGH" ? "urgent" : d.overallLevel === "MODERATE" ? "attention" : "normal";
    case "ALERT":
      return "attention";
    case "STATE_CHANGE":
      return d.outcome === "DROPPED_OUT" ? "attention" : "normal";
    case "HOME_VISIT":
      return d.outcome === "MOVED" || d.outcome === "ADDRESS_NOT_FOUND" ? "attention" : "normal";
    default:
      return "normal";
  }
}
