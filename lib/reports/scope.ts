import "server-only";
import { authorize } from "../auth/authorize";
import { can } from "../auth/policy";
import { scopedSchoolIds } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import type { Sex } from "../generated/prisma/enums";
import type { TReportFilters } from "./schema";

// What a report covers: the caller's schools narrowed by the territory, district and school
// filters (never widened), a period of Lima calendar days, and a grade and sex.

export type ReportSchool = { id: string; name: string; codigoModular: string; region: string; district: string };

export type ReportScope = {
  /** Aggregate-only readers (coordinators): small counts hidden, no names. */
  aggregateOnly: boolean;
  /** Every school the caller may report on (for the filter's choices). */
  available: ReportSchool[];
  /** The schools this report covers. */
  schools: ReportSchool[];
  schoolIds: string[];
  /** Instants: from the first day's 00:00 to the day after the last (exclusive), in Lima. */
  from: Date;
  to: Date;
  grade: number | null;
  sex: Sex | null;
};

const LIMA_OFFSET = "-05:00"; // Peru keeps no daylight saving time
const EARLIEST = new Date("1970-01-01T00:00:00Z");
const LATEST = new Date("9999-12-31T00:00:00Z");

export function periodOf(filters: Pick<TReportFilters, "from" | "to">): { from: Date; to: Date } {
  let [first, last] = [filters.from, filters.to];
  if (first && last && first > last) [first, last] = [last, first];
  const from = first ? new Date(`${first}T00:00:00${LIMA_OFFSET}`) : EARLIEST;
  const to = last ? new Date(new Date(`${last}T00:00:00${LIMA_OFFSET}`).getTime() + 86_400_000) : LATEST;
  return { from, to };
}

/** Whether this user reads aggregates only (COORDINATOR): then every count under 5 is hidden. */
export function isAggregateOnly(user: SessionUser): boolean {
  return can(user.role, "reports.read") && !can(user.role, "cases.readSummary");
}

/** NOT_FOUND for a school outside the caller's scope (its existence is not revealed). */
export async function resolveReportScope(user: SessionUser | null, filters: TReportFilters): Promise<ReportScope> {
  authorize(user, "reports.read");
  const ids = scopedSchoolIds(user);
  if (filters.school && !ids.includes(filters.school)) throw new AppError("NOT_FOUND", "school.notFound");
  const available = await db.school.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, codigoModular: true, region: true, district: true },
    orderBy: { codigoModular: "asc" },
  });
  const schools = available.filter(
    (s) =>
      (!filters.school || s.id === filters.school) &&
      (!filters.region || s.region === filters.region) &&
      (!filters.district || s.district === filters.district),
  );
  return {
    aggregateOnly: isAggregateOnly(user),
    available,
    schools,
    schoolIds: schools.map((s) => s.id),
    ...periodOf(filters),
    grade: filters.grade ?? null,
    sex: filters.sex ?? null,
  };
}
