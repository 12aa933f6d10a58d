import { readFileSync } from "node:fs";
import path from "node:path";
import { ATTENDANCE_MARKS } from "../../lib/attendance/marks";
import type { LoadUser, Section } from "./load-plan";

// What each user of `npm run bench:load` asks for, round after round (load-plan.ts says who they
// are). Saves go through the app's own server actions, posted as a hydrated form posts them
// (the action's id from the build's manifest, the arguments as JSON): the response is the
// action's result and the page re-rendered, as the browser receives it. A save counts only when
// its result says ok; what was acknowledged is kept for load-verify.ts.

export type StepKind =
  | "list"
  | "record"
  | "attendance page"
  | "attendance save"
  | "visit page"
  | "visit outcome"
  | "referral page"
  | "referral response";

export const STEP_KINDS: StepKind[] = [
  "list",
  "record",
  "attendance page",
  "attendance save",
  "visit page",
  "visit outcome",
  "referral page",
  "referral response",
];

export type Step = {
  kind: StepKind;
  method: "GET" | "POST";
  path: string;
  /** POST only: the action's id and its one argument. */
  action?: string;
  input?: unknown;
  /** Called when the save is sent, and when its result said ok. */
  sent?: () => void;
  acknowledged?: () => void;
};

/**
 * The run's saves, checked in the database afterwards: what was sent and what was acknowledged.
 * The difference is what was still on its way when the run ended (it may have committed).
 */
export type Acknowledged = {
  /**
   * Section key → the marks of its last sent and last acknowledged save, and their counts;
   * `changes` counts the acknowledged saves that differed from the section's previous one (a
   * save that changes nothing writes nothing, not even an audit entry).
   */
  attendance: Map<
    string,
    { section: Section; sent: number; saves: number; changes: number; lastSent: Marks; lastSaved: Marks | null }
  >;
  visits: { sent: Set<string>; acked: Set<string> };
  referrals: { sent: Set<string>; acked: Set<string> };
};
type Marks = Map<string, string>;

export const newAcknowledged = (): Acknowledged => ({
  attendance: new Map(),
  visits: { sent: new Set(), acked: new Set() },
  referrals: { sent: new Set(), acked: new Set() },
});

const ACTIONS = {
  saveAttendance: ["lib/attendance/actions.ts", "saveAttendanceAction"],
  recordVisitOutcome: ["lib/visits/actions.ts", "recordVisitOutcomeAction"],
  acceptReferral: ["lib/referrals/actions.ts", "acceptReferralAction"],
} as const;
type ActionName = keyof typeof ACTIONS;

/** The ids of the server actions in the build (.next), by file and export name. */
export function readActionIds(): Record<ActionName, string> {
  const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const entries = Object.entries(manifest.node);
  const find = ([filename, exportedName]: readonly [string, string]) => {
    const hit = entries.find(([, v]) => v.filename === filename && v.exportedName === exportedName);
    if (!hit) throw new Error(`no server action ${exportedName} of ${filename} in the build`);
    return hit[0];
  };
  return {
    saveAttendance: find(ACTIONS.saveAttendance),
    recordVisitOutcome: find(ACTIONS.recordVisitOutcome),
    acceptReferral: find(ACTIONS.acceptReferral),
  };
}

const sectionKey = (s: Section) => `${s.schoolId}:${s.grade}:${s.section}`;

/**
 * A user's endless round of steps. Planned work (visits, referrals) is taken once each; when a
 * user's runs out, the round goes on without that save and `exhausted` says so.
 */
export function userRound(
  user: LoadUser,
  actions: Record<ActionName, string>,
  day: string,
  ack: Acknowledged,
): { next: () => Step; exhausted: () => boolean } {
  let round = 0;
  let work = 0;
  const pick = <T>(list: T[]) => list[round % list.length];
  const steps = (): Step[] => {
    switch (user.kind) {
      case "tutor": {
        const section = pick(user.sections);
        const key = sectionKey(section);
        // About one student in seven absent, excused or late, different ones each round.
        const marks = new Map(
          section.studentIds.map((id, i) => {
            const r = (i + round) % 20;
            return [id, r < ATTENDANCE_MARKS.length ? ATTENDANCE_MARKS[r] : "PRESENT"];
          }),
        );
        // The sheet's page, and its save posted to that same address, as the browser does.
        const page = `/attendance?sec=${encodeURIComponent(key)}`;
        return [
          { kind: "attendance page", method: "GET", path: page },
          {
            kind: "attendance save",
            method: "POST",
            path: page,
            action: actions.saveAttendance,
            input: {
              ...sectionRef(section),
              date: day,
              marks: [...marks].map(([studentId, status]) => ({ studentId, status })),
              // The run is a working day whatever the calendar says: a weekend or holiday is
              // confirmed as the sheet asks a tutor to.
              confirmNonSchoolDay: true,
            },
            sent: () => {
              const entry = ack.attendance.get(key);
              if (entry) Object.assign(entry, { sent: entry.sent + 1, lastSent: marks });
              else
                ack.attendance.set(key, { section, sent: 1, saves: 0, changes: 0, lastSent: marks, lastSaved: null });
            },
            acknowledged: () => {
              const entry = ack.attendance.get(key)!;
              const same = entry.lastSaved !== null && [...marks].every(([id, s]) => entry.lastSaved!.get(id) === s);
              Object.assign(entry, {
                saves: entry.saves + 1,
                changes: entry.changes + (same ? 0 : 1),
                lastSaved: marks,
              });
            },
          },
          { kind: "list", method: "GET", path: "/students" },
        ];
      }
      case "director":
        return [
          { kind: "list", method: "GET", path: "/" },
          { kind: "list", method: "GET", path: "/students" },
          { kind: "list", method: "GET", path: "/alerts" },
          { kind: "list", method: "GET", path: "/cases" },
          { kind: "record", method: "GET", path: `/students/${pick(user.recordIds)}` },
        ];
      case "caseTeam": {
        const visitId = user.workIds[work++];
        const pages: Step[] = [
          { kind: "list", method: "GET", path: "/cases" },
          { kind: "record", method: "GET", path: `/cases/${pick(user.recordIds)}` },
        ];
        if (!visitId) return pages;
        const contacted = round % 2 === 0;
        return [
          ...pages,
          { kind: "visit page", method: "GET", path: `/visits/${visitId}` },
          {
            kind: "visit outcome",
            method: "POST",
            path: `/visits/${visitId}`,
            action: actions.recordVisitOutcome,
            input: contacted
              ? { visitId, outcome: "CONTACTED", metWith: "la madre", notes: "Se conversó sobre las inasistencias." }
              : { visitId, outcome: "NOBODY_HOME", notes: "" },
            sent: () => ack.visits.sent.add(visitId),
            acknowledged: () => ack.visits.acked.add(visitId),
          },
        ];
      }
      case "agency": {
        const referralId = user.workIds[work++];
        const inbox: Step = { kind: "list", method: "GET", path: "/referrals" };
        if (!referralId) return [inbox];
        return [
          inbox,
          { kind: "referral page", method: "GET", path: `/referrals/${referralId}` },
          {
            kind: "referral response",
            method: "POST",
            path: `/referrals/${referralId}`,
            action: actions.acceptReferral,
            input: { referralId, version: 1 },
            sent: () => ack.referrals.sent.add(referralId),
            acknowledged: () => ack.referrals.acked.add(referralId),
          },
        ];
      }
    }
  };
  let queue: Step[] = [];
  return {
    next: () => {
      if (queue.length === 0) {
        queue = steps();
        round++;
      }
      return queue.shift()!;
    },
    exhausted: () => user.workIds.length > 0 && work > user.workIds.length,
  };
}

const sectionRef = (s: Section) => ({ schoolId: s.schoolId, grade: s.grade, section: s.section });
