import { defineJsonRoute } from "@/lib/actions/json-route";
import { caseFilePaths } from "@/lib/cases/paths";
import { recordVisitOutcome } from "@/lib/visits/record-visit-outcome";

/**
 * The outcome form's save once the page is interactive: the same domain function as
 * recordVisitOutcomeAction, reached with fetch so a save stalled at the door can be abandoned
 * and sent again (its submission key makes the repeat harmless).
 */
export const POST = defineJsonRoute("visit.outcome.record", recordVisitOutcome, {
  revalidate: ({ caseId, visitId, studentId }) => [
    "/visits",
    ...caseFilePaths(caseId),
    `/visits/${visitId}`,
    `/students/${studentId}`,
  ],
});
