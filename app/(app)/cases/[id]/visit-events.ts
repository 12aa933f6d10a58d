import type { getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/format/date";

type Translate = Awaited<ReturnType<typeof getTranslations<"visits">>>;
type Data = Record<string, unknown>;

const text = (v: unknown) => (typeof v === "string" ? v : "");
const ddmmyyyy = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDay(new Date(`${iso}T00:00:00Z`)) : iso);

/**
 * Timeline entries of visits and contact attempts in the reader's language, from the event's
 * data (lib/visits/events.ts shapes). Null when the data is hidden or not one of those shapes:
 * the timeline then shows the stored Spanish body.
 */
export function describeVisitEvent(
  t: Translate,
  type: "HOME_VISIT" | "CONTACT_ATTEMPT",
  d: Data,
): { title: string; detail?: string | null } | null {
  if (type === "CONTACT_ATTEMPT" && d.channel && d.outcome) {
    return {
      title: t("timeline.attempt", {
        channel: t(`labels.channels.${text(d.channel)}`),
        outcome: t(`labels.attemptOutcomes.${text(d.outcome)}`),
      }),
    };
  }
  if (type !== "HOME_VISIT") return null;
  if (d.action === "SCHEDULED" && d.scheduledFor) {
    return {
      title: t("timeline.scheduled", { date: ddmmyyyy(text(d.scheduledFor)), window: text(d.timeWindow) || "none" }),
      detail: d.assigneeName ? t("timeline.scheduledBy", { name: text(d.assigneeName) }) : null,
    };
  }
  if (d.action === "RECORDED" && d.outcome) {
    const details = [
      d.metWith ? t("timeline.metWith", { name: text(d.metWith) }) : null,
      d.address === "CONFIRMED" ? t("timeline.addressConfirmed") : null,
      d.address === "CORRECTED" ? t("timeline.addressCorrected") : null,
    ];
    return {
      title: t("timeline.recorded", { outcome: t(`labels.outcomes.${text(d.outcome)}`) }),
      detail: details.filter(Boolean).join(" · ") || null,
    };
  }
  return null;
}
