import type { Prisma } from "../generated/prisma/client";
import type { SharedSection } from "../generated/prisma/enums";

// What of a visit or contact attempt each viewer receives, decided in the query's `select`
// so hidden text never leaves the database:
// - everyone who sees the HOME_VISITS section: dates, window, assignee, status, outcome, who
//   was met and whether the address was right;
// - free text (purpose, notes) only for the case team, or an agency whose referral also
//   shares NOTES; never for directors;
// - the corrected address only for viewers who also see the CONTACT section.

export type VisitVisibility = { notes: boolean; contact: boolean };

/** SUMMARY = director, TEAM = case team, AGENCY = staff of an agency the case was referred to. */
export function visitVisibility(
  access: "SUMMARY" | "TEAM" | "AGENCY",
  sections: readonly SharedSection[],
): VisitVisibility {
  return {
    notes: access === "TEAM" || (access === "AGENCY" && sections.includes("NOTES")),
    contact: sections.includes("CONTACT"),
  };
}

const VISIT_BASE = {
  id: true,
  caseId: true,
  scheduledFor: true,
  timeWindow: true,
  assigneeId: true,
  status: true,
  outcome: true,
  visitedAt: true,
  metWith: true,
  addressConfirmed: true,
  recordedById: true,
  recordedAt: true,
} satisfies Prisma.HomeVisitSelect;
const VISIT_TEXT = { purpose: true, notes: true } satisfies Prisma.HomeVisitSelect;
const VISIT_CONTACT = {
  correctedStreet: true,
  correctedReference: true,
  correctedDistrict: true,
} satisfies Prisma.HomeVisitSelect;

/** A visit as a viewer receives it: fields they may not see are null. */
export type VisitView = Prisma.HomeVisitGetPayload<{
  select: typeof VISIT_BASE & typeof VISIT_TEXT & typeof VISIT_CONTACT;
}>;

export function visitSelect(v: VisitVisibility): Prisma.HomeVisitSelect {
  return { ...VISIT_BASE, ...(v.notes ? VISIT_TEXT : {}), ...(v.contact ? VISIT_CONTACT : {}) };
}

export function toVisitView(row: object): VisitView {
  return {
    purpose: null,
    notes: null,
    correctedStreet: null,
    correctedReference: null,
    correctedDistrict: null,
    ...row,
  } as VisitView;
}

const ATTEMPT_BASE = {
  id: true,
  caseId: true,
  channel: true,
  outcome: true,
  attemptedAt: true,
  actorId: true,
} satisfies Prisma.ContactAttemptSelect;
const ATTEMPT_TEXT = { notes: true } satisfies Prisma.ContactAttemptSelect;

export type ContactAttemptView = Prisma.ContactAttemptGetPayload<{
  select: typeof ATTEMPT_BASE & typeof ATTEMPT_TEXT;
}>;

export function attemptSelect(v: VisitVisibility): Prisma.ContactAttemptSelect {
  return { ...ATTEMPT_BASE, ...(v.notes ? ATTEMPT_TEXT : {}) };
}

export function toAttemptView(row: object): ContactAttemptView {
  return { notes: null, ...row } as ContactAttemptView;
}
