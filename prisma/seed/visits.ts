import type { ContactChannel, ContactOutcome, VisitOutcome } from "../../lib/generated/prisma/enums";
import { dateOnly, limaDayOf } from "./calendar";
import { type Random, seedUuid } from "./random";
import { CONTACT_NOTES, VISIT_NOTES } from "./texts";
import type { CaseStory } from "./timeline";
import type { CaseRows, StudentPlan } from "./types";

// Home visits and contact attempts, each with its timeline event.

const OUTCOME_ES: Record<VisitOutcome, string> = {
  CONTACTED: "se contactó a la familia",
  NOBODY_HOME: "nadie en casa",
  ADDRESS_NOT_FOUND: "dirección no encontrada",
  MOVED: "la familia se mudó",
  REFUSED: "la familia rechazó la visita",
};

const CHANNEL_ES: Record<ContactChannel, string> = {
  PHONE: "llamada",
  WHATSAPP: "WhatsApp",
  IN_SCHOOL: "en el colegio",
};

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
  },
) {
  const id = seedUuid("visit", rows.visits.length);
  const notes = r.pick(VISIT_NOTES[v.outcome]);
  rows.visits.push({
    id,
    caseId: story.caseId,
    schoolId: s.schoolId,
    studentId: s.id,
    scheduledFor: dateOnly(limaDayOf(v.at)),
    assigneeId: v.assigneeId,
    status: "DONE",
    outcome: v.outcome,
    visitedAt: v.at,
    addressConfirmed:
      v.outcome === "CONTACTED"
        ? !v.corrected
        : v.outcome === "ADDRESS_NOT_FOUND" || v.outcome === "MOVED"
          ? false
          : null,
    addressCorrected: v.corrected ?? null,
    notes,
    createdById: v.createdById,
    createdAt: v.scheduledAt,
  });
  story.add("HOME_VISIT", v.at, v.assigneeId, `Visita domiciliaria: ${OUTCOME_ES[v.outcome]}. ${notes}`, {
    visitId: id,
    outcome: v.outcome,
  });
}

export function scheduleVisit(
  rows: CaseRows,
  story: CaseStory,
  s: StudentPlan,
  day: string,
  assigneeId: string,
  createdById: string,
  at: Date,
) {
  rows.visits.push({
    id: seedUuid("visit", rows.visits.length),
    caseId: story.caseId,
    schoolId: s.schoolId,
    studentId: s.id,
    scheduledFor: dateOnly(day),
    assigneeId,
    status: "SCHEDULED",
    createdById,
    createdAt: at,
  });
}

export function recordContact(
  rows: CaseRows,
  story: CaseStory,
  s: StudentPlan,
  c: { at: Date; channel: ContactChannel; outcome: ContactOutcome; actorId: string },
) {
  const id = seedUuid("contact", rows.contacts.length);
  const notes = CONTACT_NOTES[c.outcome];
  rows.contacts.push({
    id,
    caseId: story.caseId,
    schoolId: s.schoolId,
    studentId: s.id,
    channel: c.channel,
    outcome: c.outcome,
    attemptedAt: c.at,
    notes,
    actorId: c.actorId,
  });
  story.add("CONTACT_ATTEMPT", c.at, c.actorId, `Intento de contacto (${CHANNEL_ES[c.channel]}): ${notes}`, {
    attemptId: id,
    channel: c.channel,
    outcome: c.outcome,
  });
}
