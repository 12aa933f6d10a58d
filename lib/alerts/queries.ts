import "server-only";
import { db } from "../db";
import { authorize } from "../auth/authorize";
import { alertWhere } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import type { Prisma } from "../generated/prisma/client";
import { ZAlertFiltersSchema, type TAlertFiltersSchema } from "./schema";

// The director's inbox: open alerts of the schools in the user's scope, newest first.

export const INBOX_PAGE_SIZE = 25;

export type InboxAlert = {
  id: string;
  kind: string;
  figures: unknown;
  note: string | null;
  createdAt: Date;
  school: { id: string; name: string };
  student: { id: string; name: string; grade: number; section: string; sex: "F" | "M" };
  /** The student's open case, if any: new alerts stay in the inbox with this marker. */
  openCaseId: string | null;
};

export type InboxPage = {
  items: InboxAlert[];
  total: number;
  page: number;
  pages: number;
  filters: TAlertFiltersSchema;
  /** Grades and sections that have open alerts, for the filter controls. */
  sections: { grade: number; section: string }[];
  multiSchool: boolean;
};

export function parseAlertFilters(params: Record<string, string | string[] | undefined>): TAlertFiltersSchema {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return ZAlertFiltersSchema.parse({
    kind: first(params.kind),
    grade: first(params.grade),
    section: first(params.section),
    sex: first(params.sex),
    page: first(params.page),
  });
}

export async function findOpenAlerts(user: SessionUser | null, filters: TAlertFiltersSchema): Promise<InboxPage> {
  authorize(user, "alerts.read");
  const open: Prisma.AlertWhereInput = { AND: [alertWhere(user), { status: "OPEN" }] };
  const where: Prisma.AlertWhereInput = {
    AND: [
      open,
      filters.kind ? { kind: filters.kind } : {},
      { student: { grade: filters.grade, section: filters.section, sex: filters.sex } },
    ],
  };
  const [total, sectionRows] = await Promise.all([
    db.alert.count({ where }),
    db.student.findMany({
      where: { alerts: { some: open } },
      distinct: ["grade", "section"],
      select: { grade: true, section: true },
      orderBy: [{ grade: "asc" }, { section: "asc" }],
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pages);
  const rows = await db.alert.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * INBOX_PAGE_SIZE,
    take: INBOX_PAGE_SIZE,
    select: {
      id: true,
      kind: true,
      figures: true,
      note: true,
      createdAt: true,
      school: { select: { id: true, name: true } },
      student: {
        select: {
          id: true,
          givenNames: true,
          paternalSurname: true,
          maternalSurname: true,
          grade: true,
          section: true,
          sex: true,
          // Same school as the alert, so the alert's scope covers it.
          cases: { where: { openKey: { not: null } }, select: { id: true }, take: 1 },
        },
      },
    },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      figures: r.figures,
      note: r.note,
      createdAt: r.createdAt,
      school: r.school,
      student: {
        id: r.student.id,
        name:
          [r.student.paternalSurname, r.student.maternalSurname].filter(Boolean).join(" ") +
          ", " +
          r.student.givenNames,
        grade: r.student.grade,
        section: r.student.section,
        sex: r.student.sex,
      },
      openCaseId: r.student.cases[0]?.id ?? null,
    })),
    total,
    page,
    pages,
    filters: { ...filters, page },
    sections: sectionRows,
    multiSchool: user.schoolIds.length > 1,
  };
}
