import type { Prisma } from "../../lib/generated/prisma/client";
import type { CaseEventType, CaseOutcome, CaseState } from "../../lib/generated/prisma/enums";
import { limaAt, limaDayOf, SEED_NOW, shiftDay, weekdayOnOrAfter } from "./calendar";
import { seedUuid } from "./random";
import { transitionKind } from "../../lib/cases/transitions";

// A case's story told in order: every step appends a CaseEvent and moves the clock. Steps
// that would fall after the demo's "now" are refused (`fits`), so the data never has a
// future event.

/** `days` calendar days after an instant's Lima day, on the next school day, at `hhmm`. */
export function workdayAfter(instant: Date, days: number, hhmm: string): Date {
  return limaAt(weekdayOnOrAfter(shiftDay(limaDayOf(instant), days)), hhmm);
}

export function later(a: Date, b: Date): Date {
  return a > b ? a : b;
}

export function fits(instant: Date): boolean {
  return instant <= SEED_NOW;
}

export class CaseStory {
  readonly events: Prisma.CaseEventCreateManyInput[] = [];
  state: CaseState = "OPEN";
  outcome: CaseOutcome | null = null;
  outcomeNote: string | null = null;
  closedAt: Date | null = null;
  last: Date;

  constructor(
    readonly caseId: string,
    readonly schoolId: string,
    readonly studentId: string,
    readonly openedAt: Date,
  ) {
    this.last = openedAt;
  }

  add(type: CaseEventType, at: Date, actorId: string | null, body: string | null, data?: Prisma.InputJsonValue) {
    if (!fits(at)) throw new Error(`event after the demo's now: ${at.toISOString()}`);
    this.events.push({
      id: seedUuid("event", this.caseId, this.events.length),
      caseId: this.caseId,
      schoolId: this.schoolId,
      type,
      actorId,
      occurredAt: at,
      body,
      data,
    });
    if (at > this.last) this.last = at;
  }

  open(actorId: string, body: string, alertIds: string[]) {
    this.add("STATE_CHANGE", this.openedAt, actorId, body, {
      from: null,
      to: "OPEN",
      kind: "OPEN_FROM_ALERT",
      alertIds,
    });
  }

  move(to: CaseState, at: Date, actorId: string | null, body: string, outcome?: CaseOutcome) {
    const from = this.state;
    this.state = to;
    if (to === "CLOSED") {
      this.outcome = outcome ?? "OTHER";
      this.outcomeNote = body;
      this.closedAt = at;
    }
    // Same shape as the app's own state-change events (lib/cases/update-case.ts).
    this.add("STATE_CHANGE", at, actorId, body, {
      from,
      to,
      kind: transitionKind(from, to),
      ...(outcome ? { outcome } : {}),
    });
  }
}
