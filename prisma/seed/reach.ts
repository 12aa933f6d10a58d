import { fromReference, limaAt, limaDayOf } from "./calendar";
import { assign, type CaseCtx, visitor } from "./context";
import { REFERENCES, SETTLEMENTS } from "./names";
import type { Random } from "./random";
import { CASE_NOTES, CLOSE_NOTES } from "./texts";
import { fits, later, workdayAfter } from "./timeline";
import { recordAddressChange, recordContact, recordVisit } from "./visits";

// Students whose family the team reached at home (100 in all): some after a failed first
// visit, some at a corrected address. Evaluated students are convened and evaluated next.

export type ReachEnd = "CONTACTING" | "EVALUATION" | "TRANSFERRED" | "OTHER" | "EVALUATED";

/** Evaluations happen before version 2 of the instrument is published (reference calendar). */
const LAST_V1_EVALUATION = () => limaAt(fromReference("2026-11-13"), "18:00");

function correctedAddress(r: Random): string {
  return `Mz. ${String.fromCharCode(65 + r.int(0, 17))} Lt. ${r.int(1, 30)}, ${r.pick(SETTLEMENTS)}`;
}

export function planReach(ctx: CaseCtx, end: ReachEnd) {
  const { r, story, s, rows } = ctx;
  const t1 = workdayAfter(story.openedAt, 1, "09:15");
  story.move("CONTACTING", t1, ctx.social, "Se inicia la búsqueda de contacto con la familia.");
  let at = t1;
  let corrected: string | null = null;
  if (r.chance(0.35)) {
    const outcome = r.chance(0.6) ? "ADDRESS_NOT_FOUND" : "NOBODY_HOME";
    at = workdayAfter(t1, r.int(1, 3), "15:30");
    recordVisit(rows, r, story, s, { at, outcome, assigneeId: visitor(ctx), createdById: ctx.social, scheduledAt: t1 });
    if (outcome === "ADDRESS_NOT_FOUND") {
      at = workdayAfter(at, 1, "10:00");
      recordContact(rows, story, s, { at, channel: "PHONE", outcome: "REACHED", actorId: ctx.social });
      corrected = correctedAddress(r);
    }
  } else if (s.guardianPhone && r.chance(0.6)) {
    at = limaAt(limaDayOf(t1), "11:30");
    recordContact(rows, story, s, {
      at,
      channel: r.pick(["PHONE", "WHATSAPP"] as const),
      outcome: "REACHED",
      actorId: ctx.social,
    });
  }
  if (!corrected && r.chance(0.12)) corrected = correctedAddress(r);
  const agreed = rows.contacts.some((c) => c.caseId === story.caseId && c.outcome === "REACHED");
  const visitAt = workdayAfter(at, r.int(1, 5), r.pick(["10:00", "15:00", "16:30"]));
  const visit = recordVisit(rows, r, story, s, {
    at: visitAt,
    outcome: "CONTACTED",
    assigneeId: visitor(ctx),
    createdById: ctx.social,
    scheduledAt: at,
    corrected,
    agreed,
  });
  ctx.reachedAt = visitAt;
  // The visit confirms (or corrects) the family's contacts on the spot, and the address
  // history keeps what was there before (as lib/visits/record-visit-outcome.ts does).
  const before = {
    addressStreet: s.addressStreet,
    addressReference: s.addressReference,
    addressDistrict: s.addressDistrict,
    addressVerifiedAt: s.addressVerifiedAt,
  };
  const day = limaDayOf(visitAt);
  s.addressVerifiedAt = day;
  s.guardianVerifiedAt = day;
  if (corrected) {
    s.addressStreet = corrected;
    s.addressReference = r.pick(REFERENCES);
  }
  recordAddressChange(rows, s, visit, before);

  if (end === "CONTACTING") {
    const note = workdayAfter(visitAt, r.int(3, 10), "12:00");
    if (fits(note)) story.add("NOTE", note, ctx.educator ?? ctx.social, CASE_NOTES.followUp);
    return;
  }
  if (end === "TRANSFERRED" || end === "OTHER") {
    const close = later(workdayAfter(visitAt, r.int(5, 15), "11:00"), workdayAfter(ctx.lastAlertAt, 1, "11:00"));
    if (fits(close)) story.move("CLOSED", close, ctx.social, CLOSE_NOTES[end], end);
    return;
  }
  const convened = workdayAfter(visitAt, r.int(1, 3), "09:00");
  assign(ctx, ctx.psychologist, convened);
  story.move("EVALUATION", convened, ctx.social, CASE_NOTES.convened);
  if (end === "EVALUATED") {
    ctx.evaluatedAt = workdayAfter(convened, r.int(2, 8), r.pick(["10:00", "11:30", "14:30"]));
    if (ctx.evaluatedAt > LAST_V1_EVALUATION()) throw new Error(`student ${s.index} evaluated too late`);
  }
}
