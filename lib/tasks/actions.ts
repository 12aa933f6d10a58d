"use server";

import { defineAction } from "../actions/action";
import { completeCaseTask } from "./complete-task";

/** "Derivación realizada" on the case page and the home page. */
export const completeCaseTaskAction = defineAction("caseTask.complete", completeCaseTask, {
  revalidate: ({ caseId }) => [`/cases/${caseId}`, "/"],
});
