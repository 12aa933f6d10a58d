"use server";

import { defineAction } from "../actions/action";
import { caseFilePaths, casePartPath } from "../cases/paths";
import { recordContactAttempt } from "./record-contact-attempt";
import { recordVisitOutcome } from "./record-visit-outcome";
import { scheduleVisit } from "./schedule-visit";

// Server actions of the visit pages, the case page and "Mis visitas". Every rule lives in the
// domain functions (authorize, scope, eligibility, first outcome wins); see lib/actions/action.ts.

type Touched = { caseId: string; visitId?: string; studentId?: string };

/** Pages that show what a visit or an attempt changed: the route, the case's pages, the visit, the student. */
const visitPages = ({ caseId, visitId, studentId }: Touched) => [
  "/visits",
  ...caseFilePaths(caseId),
  ...(visitId ? [`/visits/${visitId}`] : []),
  ...(studentId ? [`/students/${studentId}`] : []),
];

/** "Programar visita" from the case: back to the case's visits tab, where the new visit is listed. */
export const scheduleVisitAction = defineAction("visit.schedule", scheduleVisit, {
  revalidate: visitPages,
  redirect: ({ caseId }) => casePartPath(caseId, "visits"),
});

/** "Programar siguiente intento" on the page of a failed visit: stays there and says so. */
export const scheduleNextVisitAction = defineAction("visit.schedule", scheduleVisit, {
  revalidate: visitPages,
});

export const recordVisitOutcomeAction = defineAction("visit.outcome.record", recordVisitOutcome, {
  revalidate: visitPages,
});

export const recordContactAttemptAction = defineAction("contact.attempt.record", recordContactAttempt, {
  revalidate: visitPages,
});
