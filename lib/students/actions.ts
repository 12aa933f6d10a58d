"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getRequestOrigin } from "../auth/origin";
import { getCurrentUser } from "../auth/session";
import { isAppError } from "../errors/app-error";
import type { TCreateStudentInput, TStudentRecordInput } from "./record-schema";
import { createStudent, setStudentStatus, updateStudent } from "./student-records";

export type StudentActionResult =
  | { ok: false; message: string | null; fieldErrors: Record<string, string> }
  | { ok: true };

/** AppError → its Spanish message and field errors; anything else → null (client shows a generic message). */
function failure(error: unknown): StudentActionResult {
  if (!isAppError(error)) {
    console.error("student action failed", error);
    return { ok: false, message: null, fieldErrors: {} };
  }
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues)
    if (issue.field && !fieldErrors[issue.field]) fieldErrors[issue.field] = issue.message;
  return { ok: false, message: error.message, fieldErrors };
}

export async function createStudentAction(input: TCreateStudentInput): Promise<StudentActionResult> {
  let id: string;
  try {
    ({ id } = await createStudent(await getCurrentUser(), input, await getRequestOrigin()));
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/students");
  redirect(`/students/${id}?saved=created`);
}

export async function updateStudentAction(
  id: string,
  expectedUpdatedAt: string,
  input: TStudentRecordInput,
): Promise<StudentActionResult> {
  try {
    await updateStudent(await getCurrentUser(), id, input, await getRequestOrigin(), expectedUpdatedAt);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/students");
  redirect(`/students/${id}?saved=updated`);
}

export async function setStudentStatusAction(id: string, status: string): Promise<StudentActionResult> {
  try {
    await setStudentStatus(await getCurrentUser(), id, status, await getRequestOrigin());
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/students");
  revalidatePath(`/students/${id}`);
  return { ok: true };
}
