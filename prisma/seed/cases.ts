import { fromReference, LOAD_DAY, shiftDay, weekdayOnOrAfter } from "./calendar";
import { alertCreatedAt, alertId, alertRows, sortedAlerts } from "./alerts";
import { assign, type CaseCtx, emptyRows, visitor } from "./context";
import { planEvaluations } from "./evaluations";
import { planReach, type ReachEnd } from "./reach";
import { closeEvaluatedCases } from "./outcomes";
import { planReferrals } from "./referrals";
import { placeWaitingReferrals } from "./live";
import { type SchoolCode, userId } from "./people";
import { seedUuid, stream } from "./random";
import { CASE_NOTES, CLOSE_NOTES, describeAlert } from "./texts";
import { CaseStory, fits, later, workdayAfter } from "./timeline";
import { recordContact, recordVisit, scheduleVisit } from "./visits";
import { verifiedDate } from "./students";
import { VAGUE_REFERENCES } from "./names";
import type { CaseRows, StudentPlan } from "./types";

// Case files for 240 of the 278 alerted students: opened from their first alert by the
// school's director (or the social worker where the demo has no director account), worked
// by the case team, told as a timeline.

const EDUCATOR_SCHOOLS: readonly SchoolCode[] = ["1000001", "1000002"];
/** Where the 37 reached-but-not-evaluated cases stand. */
const REACHED_ENDS = [
  ["CONTACTING", 12],
  ["EVALUATION", 18],
  ["TRANSFERRED", 4],
  ["OTHER", 3],
] as const;
const UNREACHED_REASONS = [
  ["ADDRESS_NOT_FOUND", 50],
  ["NOBODY_HOME", 30],
  ["MOVED", 22],
  ["REFUSED", 16],
] as const;

function openerFor(school: SchoolCode): string {
  if (school === "1000001") return userId("director");
  if (school === "2000002") return userId("directorSjl");
  return userId("social");
}

function planNewCase(ctx: CaseCtx) {
  const { r, story, s } = ctx;
  const t1 = workdayAfter(story.openedAt, 1, "09:10");
  // Planned for the load day or the school days after it, so "Mis visitas" has work to show.
  const visitDay = weekdayOnOrAfter(shiftDay(LOAD_DAY, r.int(0, 3)));
  if (r.chance(0.45) || !fits(workdayAfter(t1, 3, "16:00"))) {
    scheduleVisit(ctx.rows, story, s, visitDay, visitor(ctx), ctx.social, story.openedAt);
    return;
  }
  story.move("CONTACTING", t1, ctx.social, "Se inicia la búsqueda de contacto con la familia.");
  recordContact(ctx.rows, story, s, {
    at: t1,
    channel: "PHONE",
    outcome: r.pick(["NO_ANSWER", "WRONG_NUMBER"] as const),
    actorId: ctx.social,
  });
  const at = workdayAfter(t1, r.int(1, 3), "16:00");
  recordVisit(ctx.rows, r, story, s, {
    at,
    outcome: r.pick(["NOBODY_HOME", "ADDRESS_NOT_FOUND"] as const),
    assigneeId: visitor(ctx),
    createdById: ctx.social,
    scheduledAt: t1,
  });
  scheduleVisit(ctx.rows, story, s, visitDay, visitor(ctx), ctx.social, at);
}

function planUnreached(ctx: CaseCtx, reason: (typeof UNREACHED_REASONS)[number][0]) {
  const { r, story, s } = ctx;
  if (reason === "ADDRESS_NOT_FOUND" || reason === "MOVED") {
    s.addressVerifiedAt = verifiedDate(r, "stale");
    if (r.chance(0.6)) s.addressReference = r.pick(VAGUE_REFERENCES);
    if (s.phone) s.phoneVerifiedAt = verifiedDate(r, "stale");
    s.guardianVerifiedAt = verifiedDate(r, "stale");
  }
  const t1 = workdayAfter(story.openedAt, 1, "09:20");
  story.move("CONTACTING", t1, ctx.social, "Se inicia la búsqueda de contacto con la familia.");
  if (s.guardianPhone) {
    const stale = !s.guardianVerifiedAt || s.guardianVerifiedAt < fromReference("2025-11-23");
    recordContact(ctx.rows, story, s, {
      at: t1,
      channel: "PHONE",
      outcome: stale ? "WRONG_NUMBER" : "NO_ANSWER",
      actorId: ctx.social,
    });
    if (!stale && r.chance(0.5))
      recordContact(ctx.rows, story, s, {
        at: workdayAfter(t1, 1, "12:00"),
        channel: "WHATSAPP",
        outcome: "NO_ANSWER",
        actorId: ctx.social,
      });
  }
  const outcomes =
    reason === "ADDRESS_NOT_FOUND"
      ? r.chance(0.5)
        ? ["ADDRESS_NOT_FOUND", "ADDRESS_NOT_FOUND"]
        : ["ADDRESS_NOT_FOUND"]
      : reason === "NOBODY_HOME"
        ? r.chance(0.5)
          ? ["NOBODY_HOME", "NOBODY_HOME"]
          : ["NOBODY_HOME"]
        : r.chance(0.3)
          ? ["NOBODY_HOME", reason]
          : [reason];
  let at = t1;
  let scheduledAt = t1;
  for (const [k, outcome] of (outcomes as (typeof reason)[]).entries()) {
    const next = workdayAfter(at, k === 0 ? r.int(1, 4) : r.int(3, 7), r.pick(["10:00", "15:30", "16:45"]));
    if (!fits(next)) break;
    recordVisit(ctx.rows, r, story, s, {
      at: next,
      outcome,
      assigneeId: visitor(ctx),
      createdById: ctx.social,
      scheduledAt,
    });
    at = scheduledAt = next;
    if (k === 0 && outcome === "ADDRESS_NOT_FOUND")
      story.add("NOTE", workdayAfter(at, 1, "08:40"), ctx.social, CASE_NOTES.siagie);
    if (k === 0 && outcome === "NOBODY_HOME" && r.chance(0.4))
      story.add("NOTE", workdayAfter(at, 1, "08:40"), ctx.educator ?? ctx.social, CASE_NOTES.tutor);
  }
  const closing =
    reason === "MOVED" && r.chance(0.4)
      ? "TRANSFERRED"
      : s.group === "G4" && reason !== "MOVED" && r.chance(0.5)
        ? "DROPPED_OUT"
        : null;
  if (closing) {
    const close = later(workdayAfter(at, r.int(2, 6), "11:00"), workdayAfter(ctx.lastAlertAt, 1, "11:00"));
    if (fits(close)) story.move("CLOSED", close, ctx.social, CLOSE_NOTES[closing], closing);
  }
}

/** Every change to the case file after its opening bumped the version (decision 007). */
function caseVersion(story: CaseStory): number {
  const changes = story.events.filter((e) => ["STATE_CHANGE", "NOTE", "ASSIGNMENT", "ALERT"].includes(e.type)).length;
  return Math.max(1, changes - 2);
}

export function planCases(students: StudentPlan[]): CaseRows {
  const r = stream("cases");
  const rows = emptyRows();
  const alerted = students.filter((s) => s.track);
  const reasons = r.shuffle(UNREACHED_REASONS.flatMap(([reason, n]) => Array(n).fill(reason) as (typeof reason)[]));
  const reachedEnds = r.shuffle(REACHED_ENDS.flatMap(([end, n]) => Array(n).fill(end) as ReachEnd[]));
  const contexts: CaseCtx[] = [];
  for (const s of alerted) {
    if (s.track === "OPEN_ALERT") {
      rows.alerts.push(...alertRows(s, null));
      continue;
    }
    const alerts = sortedAlerts(s);
    const opener = openerFor(s.school);
    let openedAt = workdayAfter(alertCreatedAt(alerts[0]), r.int(1, 3), r.pick(["09:30", "10:15", "11:40", "15:20"]));
    if (!fits(openedAt)) openedAt = workdayAfter(alertCreatedAt(alerts[0]), 1, "09:30");
    const story = new CaseStory(seedUuid("case", s.index), s.schoolId, s.id, openedAt);
    const educator = EDUCATOR_SCHOOLS.includes(s.school) && r.chance(0.5) ? userId("educator") : null;
    const ctx: CaseCtx = {
      s,
      story,
      rows,
      r,
      opener,
      social: userId("social"),
      educator,
      psychologist: userId("psychologist"),
      lastAlertAt: alertCreatedAt(alerts[alerts.length - 1]),
    };
    rows.alerts.push(...alertRows(s, { caseId: story.caseId, resolvedById: opener, openedAt }));
    const atOpening = alerts.filter((a) => alertCreatedAt(a) <= openedAt);
    story.open(
      opener,
      `Caso abierto desde la alerta: ${atOpening.map(describeAlert).join("; ")}.`,
      atOpening.map((a) => alertId(s, a)),
    );
    story.add("ALERT", openedAt, opener, atOpening.map(describeAlert).join("; "), {
      alertIds: atOpening.map((a) => alertId(s, a)),
    });
    for (const a of alerts.filter((x) => alertCreatedAt(x) > openedAt)) {
      story.add("ALERT", alertCreatedAt(a), null, `Nueva alerta vinculada al caso: ${describeAlert(a)}`, {
        alertIds: [alertId(s, a)],
      });
    }
    assign(ctx, ctx.social, openedAt);
    if (educator) assign(ctx, educator, openedAt);
    if (s.track === "NEW_CASE") planNewCase(ctx);
    else if (s.track === "UNREACHED") planUnreached(ctx, reasons.pop()!);
    else planReach(ctx, s.track === "EVALUATED" ? "EVALUATED" : reachedEnds.pop()!);
    contexts.push(ctx);
  }
  const evaluated = contexts.filter((c) => c.s.track === "EVALUATED");
  planEvaluations(evaluated);
  planReferrals(evaluated);
  closeEvaluatedCases(evaluated);
  placeWaitingReferrals(evaluated);
  for (const { story, s, opener } of contexts) {
    rows.cases.push({
      id: story.caseId,
      schoolId: s.schoolId,
      studentId: s.id,
      state: story.state,
      outcome: story.outcome,
      outcomeNote: story.outcomeNote,
      openKey: story.state === "CLOSED" ? null : s.id,
      version: caseVersion(story),
      openedById: opener,
      openedAt: story.openedAt,
      closedAt: story.closedAt,
      updatedAt: story.last,
    });
    rows.events.push(...story.events);
  }
  return rows;
}
