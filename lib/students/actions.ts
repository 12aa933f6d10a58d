"use server";

import { defineAction } from "../actions/action";
import { createStudent, setStudentStatus, updateStudent } from "./student-records";

// Server actions of the student screens; the rules live in student-records.ts.

export const createStudentAction = defineAction("student.create", createStudent, {
  revalidate: ["/students"],
  redirect: ({ id }) => `/students/${id}?saved=created`,
});

export const updateStudentAction = defineAction("student.update", updateStudent, {
  revalidate: ["/students"],
  redirect: ({ id }) => `/students/${id}?saved=updated`,
});

export const setStudentStatusAction = defineAction("student.status", setStudentStatus, {
  revalidate: ({ id }) => ["/students", `/students/${id}`],
});
