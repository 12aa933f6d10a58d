"use server";

import { defineAction } from "../actions/action";
import { caseFilePaths } from "../cases/paths";
import { completeCaseTask } from "./complete-task";

/** "Derivación realizada" on the case page and the home page. */
export const completeCaseTaskAction = defineAction("caseTask.complete", completeCaseTask, {
  revalidate: ({ caseId }) => [...caseFilePaths(caseId), "/"],
});
