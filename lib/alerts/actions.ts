"use server";

import { revalidatePath } from "next/cache";
import { getRequestOrigin } from "../auth/origin";
import { getCurrentUser } from "../auth/session";
import { isAppError } from "../errors/app-error";
import { dismissAlert } from "./review";
import { updateAlertRule } from "./rule-settings";

// Form actions of the alert screens: they adapt FormData and errors; the rules live in
// review.ts and rule-settings.ts.

export type AlertActionState =
  | null
  | { ok: true; at: number }
  | {
      ok: false;
      at: number;
      /** Spanish AppError message, or null: the client shows its own translated generic error. */
      message: string | null;
      fieldErrors: Record<string, string>;
      /** What the user typed: React resets a form after its action, a refused one must keep it. */
      values: Record<string, string>;
    };

function failure(error: unknown, what: string, formData: FormData, fields: string[]): AlertActionState {
  const values = Object.fromEntries(fields.map((f) => [f, String(formData.get(f) ?? "")]));
  if (isAppError(error)) {
    const fieldErrors = Object.fromEntries(error.issues.filter((i) => i.field).map((i) => [i.field!, i.message]));
    return { ok: false, at: Date.now(), message: error.message, fieldErrors, values };
  }
  console.error(`${what} failed`, error);
  return { ok: false, at: Date.now(), message: null, fieldErrors: {}, values };
}

/** "Descartar": requires a reason. */
export async function dismissAlertAction(_prev: AlertActionState, formData: FormData): Promise<AlertActionState> {
  try {
    await dismissAlert(
      await getCurrentUser(),
      { alertId: String(formData.get("alertId") ?? ""), reason: String(formData.get("reason") ?? "") },
      await getRequestOrigin(),
    );
  } catch (error) {
    return failure(error, "alert dismissal", formData, ["reason"]);
  }
  revalidatePath("/alerts");
  return { ok: true, at: Date.now() };
}

export async function updateAlertRuleAction(_prev: AlertActionState, formData: FormData): Promise<AlertActionState> {
  try {
    await updateAlertRule(
      await getCurrentUser(),
      {
        schoolId: formData.get("schoolId"),
        kind: formData.get("kind"),
        threshold: formData.get("threshold"),
        windowDays: formData.get("windowDays") ?? undefined,
        active: formData.get("active") === "on",
      },
      await getRequestOrigin(),
    );
  } catch (error) {
    return failure(error, "alert rule update", formData, ["threshold", "windowDays", "active"]);
  }
  revalidatePath("/admin/alert-rules");
  revalidatePath("/alerts");
  return { ok: true, at: Date.now() };
}
