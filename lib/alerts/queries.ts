import "server-only";
import { db } from "../db";
import { authorize } from "../auth/authorize";
import { alertWhere, caseWhere, studentWhere } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import type { Prisma } from "../generated/prisma/client";
import { loadPage, type ListQuery, type Page } from "../lists/page";
import { INBOX_PAGE_SIZE, type TAlertListFilters } from "./schema";

// The director's inbox: one row per student with open alerts in the user's scope, the
// student whose newest alert is most recent first. A row carries all of that student's open
// alerts, so the same child never appears twice on a page; the pager counts students.

export type InboxAlert = { id: string; kind: string; figures: unknown; note: string | null; createdAt: Date };

export type InboxStudent = {
  student: { id: string; name: string; grade: number; section: string; sex: "F" | "M" };
  school: { id: string; name: string };
  /** Every open alert of the student, newest first (the kind filter picks students, not reasons). */
  alerts: InboxAlert[];
  /** The student's open case, if any: new alerts stay in the inbox with this marker. */
  openCaseId: string | null;
};

export type InboxPage = Page<InboxStudent> & {
  filters: TAlertListFilters;
  /** Grades and sections that have open alerts, for the filter controls. */
  sections: { grade: number; section: string }[];
  multiSchool: boolean;
};

export const findOpenAlerts: ListQuery<TAlertListFilters, InboxStudent, InboxPage> = async (
  user,
  filters,
  pageSize = INBOX_PAGE_SIZE,
) => {
  authorize(user, "alerts.read");
  const open: Prisma.AlertWhereInput = { AND: [alertWhere(user), { status: "OPEN" }] };
  const studentFilter: Prisma.StudentWhereInput = { grade: filters.grade, section: filters.section, sex: filters.sex };
  // The same set of students, seen from either side: counted as students, paged as alert groups.
  const matching: Prisma.AlertWhereInput = {
    AND: [open, filters.kind ? { kind: filters.kind } : {}, { student: { AND: [studentWhere(user), studentFilter] } }],
  };
  const students: Prisma.StudentWhereInput = {
    AND: [studentWhere(user), studentFilter, { alerts: { some: matching } }],
  };

  const [result, sections] = await Promise.all([
    loadPage(
      filters.page,
      pageSize,
      () => db.student.count({ where: students }),
      async ({ skip, take }) => {
        const groups = await db.alert.groupBy({
          by: ["studentId"],
          where: matching,
          _max: { createdAt: true },
          orderBy: [{ _max: { createdAt: "desc" } }, { studentId: "asc" }],
          skip,
          take,
        });
        return readInboxRows(
          user,
          open,
          groups.map((g) => g.studentId),
        );
      },
    ),
    db.student.findMany({
      where: { AND: [studentWhere(user), { alerts: { some: open } }] },
      distinct: ["grade", "section"],
      select: { grade: true, section: true },
      orderBy: [{ grade: "asc" }, { section: "asc" }],
    }),
  ]);
  return {
    ...result,
    filters: { ...filters, page: result.page },
    sections,
    multiSchool: user.schoolIds.length > 1,
  };
};

/** The inbox rows of these students, in the order given. */
async function readInboxRows(user: SessionUser, open: Prisma.AlertWhereInput, ids: string[]): Promise<InboxStudent[]> {
  const rows = await db.student.findMany({
    where: { AND: [studentWhere(user), { id: { in: ids } }] },
    select: {
      id: true,
      givenNames: true,
      paternalSurname: true,
      maternalSurname: true,
      grade: true,
      section: true,
      sex: true,
      school: { select: { id: true, name: true } },
      alerts: {
        where: open,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        select: { id: true, kind: true, figures: true, note: true, createdAt: true },
      },
      cases: { where: { AND: [caseWhere(user), { openKey: { not: null } }] }, select: { id: true }, take: 1 },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        student: {
          id: r.id,
          name: `${[r.paternalSurname, r.maternalSurname].filter(Boolean).join(" ")}, ${r.givenNames}`,
          grade: r.grade,
          section: r.section,
          sex: r.sex,
        },
        school: r.school,
        alerts: r.alerts,
        openCaseId: r.cases[0]?.id ?? null,
      },
    ];
  });
}
