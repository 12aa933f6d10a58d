import type {
  AlertKind,
  AlertStatus,
  AttendanceStatus,
  CaseEventType,
  ReferralStatus,
} from "../generated/prisma/enums";
import type { Prisma } from "../generated/prisma/client";
import { nextWorkday } from "../attendance/calendar";
import { isoFromDay } from "../format/date";
import { TIMELINE_DEFAULT_LIMIT, TIMELINE_MAX_LIMIT } from "./schema";

type JsonValue = Prisma.JsonValue;

// The single timeline of a case: the case's own events (state changes, notes, assignments,
// visits, evaluations and referrals with the agency's answers), the student's absences within
// the episode, the alerts attached to it and the referral deadlines that passed unanswered. It is built from the case file as the viewer may see
// it (lib/cases/case-file.ts), so a hidden section never reaches the timeline either.

type EventRow = {
  id: string;
  type: CaseEventType;
  occurredAt: Date;
  actorId: string | null;
  body: string | null;
  data: JsonValue | null;
};
type AbsenceRow = { date: Date; status: AttendanceStatus };
type AlertRow = {
  id: string;
  kind: AlertKind;
  status: AlertStatus;
  figures: JsonValue;
  firstDate: Date | null;
  lastDate: Date | null;
  createdAt: Date;
};

type ReferralRow = { id: string; status: ReferralStatus; dueAt: Date; agency: { name: string } };

export type TimelineSource = {
  case: { openedAt: Date; closedAt: Date | null };
  timeline: EventRow[];
  absences: AbsenceRow[] | null;
  alerts: AlertRow[] | null;
  /** The case's referrals the viewer may see: one still unanswered past its deadline is an entry. */
  referrals?: ReferralRow[];
};

export type TimelineItem =
  | { kind: "event"; key: string; at: Date; event: EventRow }
  /** One absence, or a run of them on consecutive school days with the same status: `from`–`date`. */
  | {
      kind: "absence";
      key: string;
      at: Date;
      date: Date;
      from: Date;
      days: number;
      status: "JUSTIFIED" | "UNJUSTIFIED";
    }
  | { kind: "alert"; key: string; at: Date; alert: AlertRow }
  | { kind: "referralOverdue"; key: string; at: Date; referralId: string; agencyName: string };

export type CaseTimeline = { items: TimelineItem[]; total: number; hasMore: boolean; limit: number };

// A DATE column arrives as UTC midnight; the school day starts at midnight in Lima (UTC-5, no DST).
const LIMA_OFFSET_MS = 5 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Start of the calendar day (as a DATE value, UTC midnight) in which an instant falls in Lima. */
function limaDayOf(instant: Date): Date {
  const shifted = instant.getTime() - LIMA_OFFSET_MS;
  return new Date(Math.floor(shifted / DAY_MS) * DAY_MS);
}

/**
 * First day of the episode: the day the case opened, or earlier when an attached alert counted
 * absences from before (those absences are why the case exists).
 */
export function episodeStart(source: Pick<TimelineSource, "case" | "alerts">): Date {
  let start = limaDayOf(source.case.openedAt);
  for (const a of source.alerts ?? []) if (a.firstDate && a.firstDate < start) start = a.firstDate;
  return start;
}

export function clampTimelineLimit(limit: number | null | undefined): number {
  if (!limit || !Number.isFinite(limit) || limit < 1) return TIMELINE_DEFAULT_LIMIT;
  return Math.min(Math.floor(limit), TIMELINE_MAX_LIMIT);
}

/** Alerts an ALERT event refers to (`alertIds`, or a single `alertId`). */
function alertIdsOf(data: JsonValue | null): string[] {
  if (!data || typeof data !== "object" || Array.isArray(data)) return [];
  if (Array.isArray(data.alertIds)) return data.alertIds.filter((v): v is string => typeof v === "string");
  return typeof data.alertId === "string" ? [data.alertId] : [];
}

/**
 * Absences on consecutive school days with the same status, as one run each: a week of
 * unjustified absences is one entry that says so, not five that bury the rest of the case.
 * A day between them without an absence (present, late, a holiday) ends the run.
 */
export function absenceRuns<S extends string>(
  absences: readonly { date: Date; status: S }[],
): { status: S; days: Date[] }[] {
  const sorted = [...absences].sort((a, b) => a.date.getTime() - b.date.getTime());
  const runs: { status: S; days: Date[] }[] = [];
  for (const a of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.days[run.days.length - 1];
    if (run && run.status === a.status && nextWorkday(isoFromDay(last)) === isoFromDay(a.date)) run.days.push(a.date);
    else runs.push({ status: a.status, days: [a.date] });
  }
  return runs;
}

/** Newest first; ties keep a stable order (events, then alerts, then absences). */
export function buildCaseTimeline(
  source: TimelineSource,
  opts: { limit?: number | null; now?: Date } = {},
): CaseTimeline {
  const limit = clampTimelineLimit(opts.limit);
  const items: TimelineItem[] = [];
  const shownAlerts = new Set((source.alerts ?? []).map((a) => a.id));

  for (const event of source.timeline) {
    // The alert itself is shown with its figures; its "attached" event would repeat it.
    if (event.type === "ALERT") {
      const ids = alertIdsOf(event.data);
      if (ids.length > 0 && ids.every((id) => shownAlerts.has(id))) continue;
    }
    items.push({ kind: "event", key: `event:${event.id}`, at: event.occurredAt, event });
  }
  for (const alert of source.alerts ?? [])
    items.push({ kind: "alert", key: `alert:${alert.id}`, at: alert.createdAt, alert });
  // A deadline that passed without an answer is a fact of the case, dated when it passed.
  const now = opts.now ?? new Date();
  for (const r of source.referrals ?? []) {
    if (r.status !== "SENT" || r.dueAt >= now) continue;
    items.push({
      kind: "referralOverdue",
      key: `overdue:${r.id}`,
      at: r.dueAt,
      referralId: r.id,
      agencyName: r.agency.name,
    });
  }

  if (source.absences) {
    const from = episodeStart(source);
    const until = source.case.closedAt ? limaDayOf(source.case.closedAt) : null;
    const days = source.absences.filter(
      (a): a is AbsenceRow & { status: "JUSTIFIED" | "UNJUSTIFIED" } =>
        (a.status === "JUSTIFIED" || a.status === "UNJUSTIFIED") && a.date >= from && !(until && a.date > until),
    );
    for (const run of absenceRuns(days)) {
      const last = run.days[run.days.length - 1];
      const first = run.days[0];
      items.push({
        kind: "absence",
        key:
          run.days.length === 1 ? `absence:${isoFromDay(last)}` : `absence:${isoFromDay(first)}..${isoFromDay(last)}`,
        at: new Date(last.getTime() + LIMA_OFFSET_MS),
        date: last,
        from: first,
        days: run.days.length,
        status: run.status,
      });
    }
  }

  const rank = { event: 0, referralOverdue: 1, alert: 2, absence: 3 } as const;
  items.sort(
    (x, y) =>
      y.at.getTime() - x.at.getTime() || rank[x.kind] - rank[y.kind] || (x.key < y.key ? 1 : x.key > y.key ? -1 : 0),
  );
  return { items: items.slice(0, limit), total: items.length, hasMore: items.length > limit, limit };
}
