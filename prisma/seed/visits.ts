import type { Prisma } from "../../lib/generated/prisma/client";
import type { ContactChannel, ContactOutcome, VisitOutcome, VisitTimeWindow } from "../../lib/generated/prisma/enums";
import { contactAttemptEntry, visitRecordedEntry, visitScheduledEntry } from "../../lib/visits/events";
import { dateOnly, limaDayOf } from "./calendar";
import { USERS, userId } from "./people";
import { type Random, seedUuid, stream } from "./random";
import { CONTACT_NOTES, CONTACTED_MET_WITH, VISIT_NOTES } from "./texts";
import type { CaseStory } from "./timeline";
import type { CaseRows, StudentPlan } from "./types";

// Home visits and contact attempts, each with its timeline entries (same shapes as the app's,
// lib/visits/events.ts). Details the story does not decide (the half-day of a planned visit)
// come from a stream of their own per visit, so the case stream `r` draws exactly as before.

const FIRST_PURPOSE = "Ubicar a la familia y conocer el motivo de las inasistencias.";
const RETRY_PURPOSE = "Nuevo intento de ubicar a la familia tras una visita sin contacto.";
const AGREED_PURPOSE = "Visita acordada con la apoderada para conversar sobre las inasistencias.";

const nameOf = (id: string) => USERS.find((u) => userId(u.key) === id)?.name ?? "";
/** The half-day in which an instant falls in Lima (UTC-5). */
const windowOf = (at: Date): VisitTimeWindow =>
  new Date(at.getTime() - 5 * 3600_000).getUTCHours() < 13 ? "MORNING" : "AFTERNOON";

function purposeFor(rows: CaseRows, story: CaseStory, agreed: boolean): string {
  if (agreed) return AGREED_PURPOSE;
  return rows.visits.some((v) => v.caseId === story.caseId) ? RETRY_PURPOSE : FIRST_PURPOSE;
}

function addScheduledEntry(story: CaseStory, row: Prisma.HomeVisitCreateManyInput, at: Date) {
  const entry = visitScheduledEntry({
    visitId: row.id!,
    scheduledFor: (row.scheduledFor as Date).toISOString().slice(0, 10),
    timeWindow: row.timeWindow!,
    assigneeId: row.assigneeId!,
    assigneeName: nameOf(row.assigneeId!),
  });
  story.add("HOME_VISIT", at, row.createdById ?? null, entry.body, entry.data);
}

/** A visit made and recorded at the door; returns its row so the caller can add what it learns later. */
export function recordVisit(
  rows: CaseRows,
  r: Random,
  story: CaseStory,
  s: StudentPlan,
  v: {
    at: Date;
    outcome: VisitOutcome;
    assigneeId: string;
    createdById: string;
    scheduledAt: Date;
    corrected?: string | null;
    /** Arranged beforehand with the family (after a phone contact). */
    agreed?: boolean;
  },
): Prisma.HomeVisitCreateManyInput {
  const id = seedUuid("visit", rows.visits.length);
  const notes = r.pick(VISIT_NOTES[v.outcome]);
  const metWith = v.outcome === "CONTACTED" ? CONTACTED_MET_WITH[VISIT_NOTES.CONTACTED.indexOf(notes)] : null;
  const row: Prisma.HomeVisitCreateManyInput = {
    id,
    caseId: story.caseId,
    schoolId: s.schoolId,
    studentId: s.id,
    scheduledFor: dateOnly(limaDayOf(v.at)),
    timeWindow: windowOf(v.at),
    purpose: purposeFor(rows, story, Boolean(v.agreed)),
    assigneeId: v.assigneeId,
    status: "DONE",
    outcome: v.outcome,
    visitedAt: v.at,
    metWith,
    addressConfirmed:
      v.outcome === "CONTACTED"
        ? !v.corrected
        : v.outcome === "ADDRESS_NOT_FOUND" || v.outcome === "MOVED"
          ? false
          : null,
    correctedStreet: v.corrected ?? null,
    correctedDistrict: v.corrected ? s.addressDistrict : null,
    notes,
    recordedById: v.assigneeId,
    recordedAt: v.at,
    createdById: v.createdById,
    createdAt: v.scheduledAt,
  };
  rows.visits.push(row);
  addScheduledEntry(story, row, v.scheduledAt);
  const address = v.outcome === "CONTACTED" ? (v.corrected ? "CORRECTED" : "CONFIRMED") : null;
  const entry = visitRecordedEntry({ visitId: id, outcome: v.outcome, metWith, address });
  story.add("HOME_VISIT", v.at, v.assigneeId, entry.body, entry.data);
  return row;
}

/** A visit planned for the coming days, not made yet. */
export function scheduleVisit(
  rows: CaseRows,
  story: CaseStory,
  s: StudentPlan,
  day: string,
  assigneeId: string,
  createdById: string,
  at: Date,
) {
  const id = seedUuid("visit", rows.visits.length);
  const row: Prisma.HomeVisitCreateManyInput = {
    id,
    caseId: story.caseId,
    schoolId: s.schoolId,
    studentId: s.id,
    scheduledFor: dateOnly(day),
    timeWindow: stream(`visit-window:${id}`).chance(0.5) ? "MORNING" : "AFTERNOON",
    purpose: purposeFor(rows, story, false),
    assigneeId,
    status: "SCHEDULED",
    createdById,
    createdAt: at,
  };
  rows.visits.push(row);
  addScheduledEntry(story, row, at);
}

/**
 * The visit's confirmation or correction of the address, as the app records it: the student's
 * values before, the values after and the new verified day. Call after `s` holds the new values.
 */
export function recordAddressChange(
  rows: CaseRows,
  s: StudentPlan,
  visit: Prisma.HomeVisitCreateManyInput,
  before: Pick<StudentPlan, "addressStreet" | "addressReference" | "addressDistrict" | "addressVerifiedAt">,
) {
  const corrected = Boolean(visit.correctedStreet);
  if (corrected) visit.correctedReference = s.addressReference;
  rows.addressHistory.push({
    id: seedUuid("address", rows.addressHistory.length),
    studentId: s.id,
    schoolId: s.schoolId,
    kind: corrected ? "CORRECTED" : "CONFIRMED",
    previousStreet: before.addressStreet,
    previousReference: before.addressReference,
    previousDistrict: before.addressDistrict,
    previousVerifiedAt: before.addressVerifiedAt ? dateOnly(before.addressVerifiedAt) : null,
    newStreet: s.addressStreet,
    newReference: s.addressReference,
    newDistrict: s.addressDistrict,
    verifiedAt: dateOnly(s.addressVerifiedAt!),
    visitId: visit.id,
    changedById: visit.assigneeId!,
    changedAt: visit.visitedAt!,
  });
}

export function recordContact(
  rows: CaseRows,
  story: CaseStory,
  s: StudentPlan,
  c: { at: Date; channel: ContactChannel; outcome: ContactOutcome; actorId: string },
) {
  const id = seedUuid("contact", rows.contacts.length);
  rows.contacts.push({
    id,
    caseId: story.caseId,
    schoolId: s.schoolId,
    studentId: s.id,
    channel: c.channel,
    outcome: c.outcome,
    attemptedAt: c.at,
    notes: CONTACT_NOTES[c.outcome],
    actorId: c.actorId,
  });
  const entry = contactAttemptEntry({ attemptId: id, channel: c.channel, outcome: c.outcome });
  story.add("CONTACT_ATTEMPT", c.at, c.actorId, entry.body, entry.data);
}
