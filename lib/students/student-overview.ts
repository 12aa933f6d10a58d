import "server-only";
import { countMarks, type AttendanceCounts, type AttendanceMark } from "../attendance/schema";
import { authorize } from "../auth/authorize";
import { can } from "../auth/policy";
import { alertWhere, caseWhere, schoolScopeWhere, studentWhere } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { db } from "../db";
import { dayFromIso, todayInLima } from "../format/date";

// What field staff need on a student's record besides the record itself: the recent
// attendance, the alerts and the case(s). Each part only for a role that may read it, each
// query with the caller's scope in its where; a part the role may not read is null, not empty.

/** The attendance window shown: about a term's last three months. */
export const OVERVIEW_DAYS = 90;
const RECENT_SHOWN = 20;

export type StudentOverview = {
  attendance: {
    from: Date;
    counts: AttendanceCounts;
    /** Days recorded in the window. */
    days: number;
    /** The latest days that were not "present", newest first. */
    recent: { date: Date; status: Exclude<AttendanceMark, "PRESENT"> }[];
  } | null;
  alerts:
    | {
        id: string;
        kind: string;
        status: string;
        figures: unknown;
        note: string | null;
        createdAt: Date;
      }[]
    | null;
  cases: { id: string; state: string; openedAt: Date; closedAt: Date | null }[] | null;
};

export async function getStudentOverview(
  user: SessionUser | null,
  studentId: string,
  now = new Date(),
): Promise<StudentOverview> {
  authorize(user, "students.read");
  const student = await db.student.findFirst({
    where: { AND: [studentWhere(user), { id: studentId }] },
    select: { id: true, schoolId: true },
  });
  if (!student) return { attendance: null, alerts: null, cases: null };
  return readStudentOverview(user, student, now);
}

/**
 * The overview of a student the caller has just read in scope (the student page reads it with
 * getStudent), without looking the student up again. Each query still carries the caller's
 * scope in its `where`, so a student out of reach yields nothing whatever is passed.
 */
export async function readStudentOverview(
  user: SessionUser | null,
  student: { id: string; schoolId: string },
  now = new Date(),
): Promise<StudentOverview> {
  authorize(user, "students.read");
  const from = new Date(dayFromIso(todayInLima(now)).getTime() - OVERVIEW_DAYS * 86_400_000);
  const mine = { studentId: student.id, schoolId: student.schoolId };

  const [rows, alerts, cases] = await Promise.all([
    can(user.role, "attendance.read")
      ? db.attendance.findMany({
          where: { AND: [schoolScopeWhere(user), mine, { date: { gte: from } }] },
          select: { date: true, status: true },
          orderBy: { date: "desc" },
        })
      : null,
    can(user.role, "alerts.read")
      ? db.alert.findMany({
          where: { AND: [alertWhere(user), mine] },
          select: { id: true, kind: true, status: true, figures: true, note: true, createdAt: true },
          orderBy: { createdAt: "desc" },
          take: 20,
        })
      : null,
    can(user.role, "cases.readSummary")
      ? db.case.findMany({
          where: { AND: [caseWhere(user), mine] },
          select: { id: true, state: true, openedAt: true, closedAt: true },
          orderBy: { openedAt: "desc" },
        })
      : null,
  ]);

  const attendance = rows
    ? {
        from,
        counts: countMarks(rows.map((r) => r.status as AttendanceMark)),
        days: rows.length,
        recent: rows
          .filter((r) => r.status !== "PRESENT")
          .slice(0, RECENT_SHOWN)
          .map((r) => ({ date: r.date, status: r.status as Exclude<AttendanceMark, "PRESENT"> })),
      }
    : null;
  return { attendance, alerts, cases };
}
