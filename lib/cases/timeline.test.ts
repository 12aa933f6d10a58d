import { describe, expect, it } from "vitest";
import { absenceRuns, buildCaseTimeline, clampTimelineLimit, episodeStart, type TimelineSource } from "./timeline";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function source(overrides: Partial<TimelineSource> = {}): TimelineSource {
  return {
    // 2026-05-11 10:00 in Lima.
    case: { openedAt: new Date("2026-05-11T15:00:00.000Z"), closedAt: null },
    timeline: [
      {
        id: "e1",
        type: "STATE_CHANGE",
        occurredAt: new Date("2026-05-11T15:00:00.000Z"),
        actorId: "u1",
        body: null,
        data: { from: null, to: "OPEN" },
      },
      {
        id: "e2",
        type: "ALERT",
        occurredAt: new Date("2026-05-11T15:00:00.001Z"),
        actorId: "u1",
        body: null,
        data: { alertIds: ["a1"] },
      },
      {
        id: "e3",
        type: "NOTE",
        occurredAt: new Date("2026-05-13T20:00:00.000Z"),
        actorId: "u2",
        body: "Llamada a la madre",
        data: null,
      },
    ],
    alerts: [
      {
        id: "a1",
        kind: "CONSECUTIVE_UNJUSTIFIED",
        status: "CASE_OPENED",
        figures: { count: 3 },
        firstDate: day("2026-05-06"),
        lastDate: day("2026-05-08"),
        createdAt: new Date("2026-05-08T22:00:00.000Z"),
      },
    ],
    absences: [
      { date: day("2026-05-12"), status: "UNJUSTIFIED" },
      { date: day("2026-05-11"), status: "LATE" },
      { date: day("2026-05-08"), status: "UNJUSTIFIED" },
      { date: day("2026-05-07"), status: "JUSTIFIED" },
      { date: day("2026-05-06"), status: "UNJUSTIFIED" },
      { date: day("2026-04-20"), status: "UNJUSTIFIED" },
    ],
    ...overrides,
  };
}

describe("[CASES] timeline", () => {
  it("merges events, alerts and absences of the episode, newest first", () => {
    const t = buildCaseTimeline(source());
    expect(t.items.map((i) => i.key)).toEqual([
      "event:e3",
      "absence:2026-05-12",
      "event:e1",
      "alert:a1",
      "absence:2026-05-08",
      "absence:2026-05-07",
      "absence:2026-05-06",
    ]);
    expect(t.total).toBe(7);
    expect(t.hasMore).toBe(false);
  });

  it("starts the episode at the alert's first counted day, and the opening day in Lima otherwise", () => {
    expect(episodeStart(source())).toEqual(day("2026-05-06"));
    // 23:30 in Lima on 11/05 is already 12/05 in UTC.
    expect(
      episodeStart({ case: { openedAt: new Date("2026-05-12T04:30:00.000Z"), closedAt: null }, alerts: [] }),
    ).toEqual(day("2026-05-11"));
  });

  it("leaves out lateness, absences before the episode and after closing", () => {
    const closed = buildCaseTimeline(
      source({
        case: { openedAt: new Date("2026-05-11T15:00:00.000Z"), closedAt: new Date("2026-05-11T20:00:00.000Z") },
      }),
    );
    const absences = closed.items.filter((i) => i.kind === "absence").map((i) => i.key);
    expect(absences).toEqual(["absence:2026-05-08", "absence:2026-05-07", "absence:2026-05-06"]);
  });

  it("shows absences on consecutive school days with the same status as one entry", () => {
    const t = buildCaseTimeline(
      source({
        case: { openedAt: new Date("2026-09-01T15:00:00.000Z"), closedAt: null },
        timeline: [],
        alerts: [],
        absences: [
          // Thursday to Wednesday across a weekend: one run of five school days.
          ...["2026-09-10", "2026-09-11", "2026-09-14", "2026-09-15", "2026-09-16"].map((d) => ({
            date: day(d),
            status: "UNJUSTIFIED" as const,
          })),
          // Another status the next day, then a day without absence (Friday) before Monday.
          { date: day("2026-09-17"), status: "JUSTIFIED" },
          { date: day("2026-09-21"), status: "UNJUSTIFIED" },
        ],
      }),
    );
    expect(t.items.map((i) => i.key)).toEqual([
      "absence:2026-09-21",
      "absence:2026-09-17",
      "absence:2026-09-10..2026-09-16",
    ]);
    expect(t.items[2]).toMatchObject({ from: day("2026-09-10"), date: day("2026-09-16"), days: 5 });
    expect(t.items[0]).toMatchObject({ from: day("2026-09-21"), date: day("2026-09-21"), days: 1 });
    expect(t.total).toBe(3);
  });

  it("ends a run at a day that is not the next school day", () => {
    const runs = absenceRuns([
      { date: day("2026-09-08"), status: "U" },
      { date: day("2026-09-07"), status: "U" },
      // Wednesday 09/09 without absence.
      { date: day("2026-09-10"), status: "U" },
    ]);
    expect(runs.map((r) => r.days.map((d) => d.toISOString().slice(0, 10)))).toEqual([
      ["2026-09-07", "2026-09-08"],
      ["2026-09-10"],
    ]);
  });

  it("shows nothing of a hidden section", () => {
    const t = buildCaseTimeline(source({ absences: null, alerts: null, timeline: [] }));
    expect(t.items).toEqual([]);
  });

  it("limits the list and says there is more", () => {
    const t = buildCaseTimeline(source(), { limit: 2 });
    expect(t.items.map((i) => i.key)).toEqual(["event:e3", "absence:2026-05-12"]);
    expect(t).toMatchObject({ total: 7, hasMore: true, limit: 2 });
    expect(clampTimelineLimit(0)).toBe(20);
    expect(clampTimelineLimit(10_000)).toBe(500);
  });
});

describe("[REFERRALS] referral deadlines on the timeline", () => {
  const referral = (status: "SENT" | "ACCEPTED", dueAt: string) => ({
    id: `r-${status}`,
    status,
    dueAt: new Date(dueAt),
    agency: { name: "DEMUNA Trujillo" },
  });

  it("adds an entry when a referral is still unanswered after its deadline, dated at the deadline", () => {
    const now = new Date("2026-05-15T12:00:00.000Z");
    const timeline = buildCaseTimeline(
      source({
        referrals: [referral("SENT", "2026-05-14T15:00:00.000Z"), referral("ACCEPTED", "2026-05-10T15:00:00.000Z")],
      }),
      { now },
    );
    const overdue = timeline.items.filter((i) => i.kind === "referralOverdue");
    expect(overdue).toEqual([
      {
        kind: "referralOverdue",
        key: "overdue:r-SENT",
        at: new Date("2026-05-14T15:00:00.000Z"),
        referralId: "r-SENT",
        agencyName: "DEMUNA Trujillo",
      },
    ]);
    // Newest first: the passed deadline is the latest thing that happened.
    expect(timeline.items[0].kind).toBe("referralOverdue");
  });

  it("adds nothing before the deadline", () => {
    const now = new Date("2026-05-14T14:59:59.000Z");
    const timeline = buildCaseTimeline(source({ referrals: [referral("SENT", "2026-05-14T15:00:00.000Z")] }), { now });
    expect(timeline.items.some((i) => i.kind === "referralOverdue")).toBe(false);
  });
});
