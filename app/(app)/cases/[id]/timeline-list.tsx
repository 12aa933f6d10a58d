import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { alertReason } from "@/lib/alerts/reason";
import type { CaseTimeline, TimelineItem } from "@/lib/cases/timeline";
import { formatDateTime, formatDay } from "@/lib/format/date";
import { describeRiskEvent } from "./evaluation-events";
import { timelineWeight } from "@/lib/cases/timeline-weight";
import { describeReferralEvent, type TimelineReferral } from "./referral-events";
import { WeightBadge } from "./timeline-weight";
import { describeVisitEvent } from "./visit-events";

type Translate = Awaited<ReturnType<typeof getTranslations<"cases">>>;
type TranslateRisk = Awaited<ReturnType<typeof getTranslations<"risk">>>;
type TranslateVisits = Awaited<ReturnType<typeof getTranslations<"visits">>>;
type TranslateReferrals = Awaited<ReturnType<typeof getTranslations<"referrals">>>;
/** The alert's own sentence ("3 faltas injustificadas seguidas, del …"), from the alerts domain. */
type DescribeAlert = (alert: { kind: string; figures: unknown }) => string | null;
type Data = Record<string, unknown>;

const asData = (v: unknown): Data => (v && typeof v === "object" && !Array.isArray(v) ? (v as Data) : {});
const text = (v: unknown) => (typeof v === "string" ? v : "");

/** Title and optional detail of one entry. Event kinds added by later features fall back to their type name. */
export function describe(
  t: Translate,
  tr: TranslateRisk,
  describeAlert: DescribeAlert,
  item: TimelineItem,
  tv: TranslateVisits,
  tf: TranslateReferrals,
  referrals: ReadonlyMap<string, TimelineReferral>,
): { title: string; detail?: string | null } {
  if (item.kind === "referralOverdue") return { title: tf("timeline.overdue", { agency: item.agencyName }) };
  if (item.kind === "absence") {
    if (item.days === 1) return { title: t(`timeline.absence.${item.status}`), detail: formatDay(item.date) };
    return {
      title: t(`timeline.absenceRun.${item.status}`, { days: item.days }),
      detail: t("timeline.absenceDays", { from: formatDay(item.from), to: formatDay(item.date) }),
    };
  }
  if (item.kind === "alert") {
    const a = item.alert;
    const window =
      a.firstDate && a.lastDate
        ? t("timeline.alertWindow", { from: formatDay(a.firstDate), to: formatDay(a.lastDate) })
        : null;
    return { title: t("timeline.alert", { kind: t(`alertKinds.${a.kind}`) }), detail: describeAlert(a) ?? window };
  }
  const e = item.event;
  const d = asData(e.data);
  const risk = describeRiskEvent(tr, e.type, d, e.body);
  if (risk) return risk;
  const referral = describeReferralEvent(tf, e.type, d, referrals);
  if (referral) return referral;
  switch (e.type) {
    case "STATE_CHANGE": {
      // The body is the reason (going back, reopening) or a comment on the step.
      if (!d.from) return { title: t("timeline.opened"), detail: e.body };
      const title = t("timeline.stateChange", {
        from: t(`states.${text(d.from)}` as "states.OPEN"),
        to: t(`states.${text(d.to)}` as "states.OPEN"),
      });
      const outcome = d.outcome
        ? t("timeline.closedWith", { outcome: t(`outcomes.${text(d.outcome)}` as "outcomes.OTHER") })
        : null;
      return { title, detail: [outcome, e.body].filter(Boolean).join(" · ") || null };
    }
    case "NOTE":
      return { title: t("timeline.note"), detail: e.body };
    case "ASSIGNMENT":
      if (!d.userName) return { title: e.body ?? t("timeline.events.ASSIGNMENT") };
      return {
        title: t(d.action === "UNASSIGN" ? "timeline.unassigned" : "timeline.assigned", { name: text(d.userName) }),
      };
    case "ALERT":
      return { title: t("timeline.alertLinked"), detail: e.body };
    case "HOME_VISIT":
    case "CONTACT_ATTEMPT":
      return describeVisitEvent(tv, e.type, d) ?? { title: t(`timeline.events.${e.type}`), detail: e.body };
    default:
      return { title: t(`timeline.events.${e.type}`), detail: e.body };
  }
}

export async function TimelineList({
  timeline,
  actors,
  moreHref,
  referrals = new Map(),
}: {
  timeline: CaseTimeline;
  actors: Map<string, string>;
  moreHref: string;
  /** The case's referrals by id: the agency's answer is read from the referral itself. */
  referrals?: ReadonlyMap<string, TimelineReferral>;
}) {
  const [t, ta, tr, tv, tf, locale] = await Promise.all([
    getTranslations("cases"),
    getTranslations("alerts"),
    getTranslations("risk"),
    getTranslations("visits"),
    getTranslations("referrals"),
    getLocale(),
  ]);
  const describeAlert: DescribeAlert = (alert) => {
    const reason = alertReason(alert, locale);
    return reason.key === "unknown" ? null : ta(`reason.${reason.key}` as "reason.unknown", reason.values);
  };
  if (timeline.items.length === 0) return <p className="text-sm text-slate-700">{t("timeline.empty")}</p>;
  return (
    <>
      <ol className="flex flex-col gap-3" data-testid="case-timeline">
        {timeline.items.map((item) => {
          const { title, detail } = describe(t, tr, describeAlert, item, tv, tf, referrals);
          const weight = timelineWeight(item);
          const actor = item.kind === "event" && item.event.actorId ? actors.get(item.event.actorId) : undefined;
          return (
            <li
              key={item.key}
              data-kind={item.kind === "event" ? item.event.type : item.kind.toUpperCase()}
              data-weight={weight}
              className="timeline-entry"
            >
              <p className="timeline-title">
                <WeightBadge weight={weight} label={t(`timeline.weight.${weight}` as "timeline.weight.urgent")} />
                {title}
              </p>
              {detail ? <p className="timeline-detail">{detail}</p> : null}
              {/* An absence is a school day: its date is the detail, and it has no time or author. */}
              {item.kind === "absence" ? null : (
                <p className="timeline-meta">
                  <time dateTime={item.at.toISOString()}>{formatDateTime(item.at)}</time>
                  {actor ? ` · ${t("timeline.by", { name: actor })}` : null}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <p className="mt-3 text-sm text-slate-700">
        {t("timeline.showing", { shown: timeline.items.length, total: timeline.total })}
      </p>
      {timeline.hasMore ? (
        <Link prefetch={false} href={moreHref} scroll={false} className={`${buttonClasses("secondary")} mt-2`}>
          {t("timeline.more")}
        </Link>
      ) : null}
    </>
  );
}
