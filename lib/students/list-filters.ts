import { z } from "zod";
import { enumParam, intParam, pageParam, textParam } from "../lists/params";
import { STUDENT_STATUSES } from "./record-schema";

export const STUDENTS_PAGE_SIZE = 50;

/** Roster filters from the URL; anything unreadable is ignored. */
export const ZStudentListFilters = z.object({
  q: textParam(100),
  grade: intParam(1, 6),
  section: textParam(10),
  status: enumParam(STUDENT_STATUSES),
  page: pageParam,
});
export type TStudentListFilters = z.output<typeof ZStudentListFilters>;
