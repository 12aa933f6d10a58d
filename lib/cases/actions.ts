"use server";

import { defineAction } from "../actions/action";
import { openCaseFromAlert } from "./open-case";
import { caseFilePaths } from "./paths";
import { addCaseNote, assignCaseMember, changeCaseState, unassignCaseMember } from "./update-case";

// Server actions of the case page and the alert inbox. Every rule lives in the domain
// functions (authorize, scope, version, transitions); see lib/actions/action.ts.

const casePages = ({ caseId }: { caseId: string }) => [...caseFilePaths(caseId), "/cases"];

export const changeCaseStateAction = defineAction("case.state.change", changeCaseState, { revalidate: casePages });
export const assignCaseMemberAction = defineAction("case.assign", assignCaseMember, { revalidate: casePages });
export const unassignCaseMemberAction = defineAction("case.unassign", unassignCaseMember, { revalidate: casePages });
export const addCaseNoteAction = defineAction("case.note.add", addCaseNote, { revalidate: casePages });

/** "Abrir caso" from an alert: opens (or joins) the student's case and goes to it. */
export const openCaseFromAlertAction = defineAction("case.open", openCaseFromAlert, {
  revalidate: ["/alerts", "/cases"],
  redirect: ({ caseId }) => `/cases/${caseId}`,
});
