"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getRequestOrigin } from "../auth/origin";
import { getCurrentUser } from "../auth/session";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { isAppError, type AppErrorCode } from "../errors/app-error";
import { openCaseFromAlert } from "./open-case";
import { addCaseNote, assignCaseMember, changeCaseState, unassignCaseMember } from "./update-case";

// Form actions of the case page. They only adapt FormData and errors: every rule lives in
// the lib functions they call (authorize, scope, version, transitions).

export type CaseActionState =
  | null
  | { ok: true; at: number; values?: undefined }
  | {
      ok: false;
      at: number;
      code: AppErrorCode | "UNKNOWN";
      /** Spanish AppError message, or null: the client shows its own translated generic error. */
      message: string | null;
      fieldErrors: Record<string, string>;
      /** What the user typed, so a refused form keeps it. */
      values: Record<string, string>;
    };

type Mutation = (user: SessionUser | null, input: unknown, origin: RequestOrigin) => Promise<{ caseId: string }>;

function formValues(formData: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const v = formData.get(name);
    if (typeof v === "string") values[name] = v;
  }
  return values;
}

async function runCaseMutation(
  formData: FormData,
  names: readonly string[],
  mutate: Mutation,
): Promise<CaseActionState> {
  const values = formValues(formData, ["caseId", "version", ...names]);
  try {
    const { caseId } = await mutate(await getCurrentUser(), values, await getRequestOrigin());
    revalidatePath(`/cases/${caseId}`);
    revalidatePath("/cases");
    return { ok: true, at: Date.now() };
  } catch (error) {
    if (isAppError(error)) {
      const fieldErrors = Object.fromEntries(
        error.issues.filter((i) => i.field).map((i) => [i.field as string, i.message]),
      );
      return { ok: false, at: Date.now(), code: error.code, message: error.message, fieldErrors, values };
    }
    console.error("case action failed", error);
    return { ok: false, at: Date.now(), code: "UNKNOWN", message: null, fieldErrors: {}, values };
  }
}

export async function changeCaseStateAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseMutation(formData, ["to", "outcome", "outcomeNote", "reason"], (user, input, origin) =>
    changeCaseState(user, input, origin),
  );
}

export async function assignCaseMemberAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseMutation(formData, ["userId"], (user, input, origin) => assignCaseMember(user, input, origin));
}

export async function unassignCaseMemberAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseMutation(formData, ["userId"], (user, input, origin) => unassignCaseMember(user, input, origin));
}

export async function addCaseNoteAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseMutation(formData, ["body"], (user, input, origin) => addCaseNote(user, input, origin));
}

/** "Abrir caso" from an alert: opens (or joins) the student's case and goes to it. */
export async function openCaseFromAlertAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const alertId = String(formData.get("alertId") ?? "");
  let caseId: string;
  try {
    ({ caseId } = await openCaseFromAlert(await getCurrentUser(), alertId, await getRequestOrigin()));
  } catch (error) {
    if (isAppError(error))
      return {
        ok: false,
        at: Date.now(),
        code: error.code,
        message: error.message,
        fieldErrors: {},
        values: { alertId },
      };
    console.error("open case failed", error);
    return { ok: false, at: Date.now(), code: "UNKNOWN", message: null, fieldErrors: {}, values: { alertId } };
  }
  revalidatePath("/alerts");
  revalidatePath("/cases");
  redirect(`/cases/${caseId}`);
}
