import type { getTranslations } from "next-intl/server";

// Timeline wording of the events risk evaluations write: a signature (level and form version,
// never an answer) and the urgent referral it may require (the agency, never the reason).

type TranslateRisk = Awaited<ReturnType<typeof getTranslations<"risk">>>;
type Data = Record<string, unknown>;
const text = (v: unknown) => (typeof v === "string" ? v : "");
const LEVELS = ["LOW", "MODERATE", "HIGH"] as const;
const CHANNELS = ["PHONE", "IN_PERSON", "ACCOMPANIED", "WRITTEN", "OTHER"] as const;

/** Title and detail of an EVALUATION or urgent-referral event, or null when it is not one of ours. */
export function describeRiskEvent(
  tr: TranslateRisk,
  type: string,
  d: Data,
  body: string | null,
): { title: string; detail?: string | null } | null {
  const level = LEVELS.find((l) => l === d.overallLevel);
  if (type === "EVALUATION" && level && typeof d.instrumentVersion === "number") {
    return {
      title: tr("timeline.evaluationSigned", {
        level: tr(`levels.${level}`).toLowerCase(),
        version: d.instrumentVersion,
      }),
      detail: d.correctsId ? tr("timeline.correction") : null,
    };
  }
  if (type === "REFERRAL" && d.task === "URGENT_REFERRAL") {
    const agency = text(d.agencyName) || tr("timeline.theCsmc");
    if (d.stage !== "DONE") return { title: tr("timeline.urgentPending", { agency }) };
    const channel = CHANNELS.find((c) => c === d.channel) ?? "OTHER";
    return {
      title: tr("timeline.urgentDone", { agency, channel: tr(`tasks.channels.${channel}`), contact: text(d.contact) }),
      detail: body,
    };
  }
  return null;
}
