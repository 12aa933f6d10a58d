import "server-only";
import { Prisma } from "../generated/prisma/client";
import { authorize } from "../auth/authorize";
import { can } from "../auth/policy";
import { caseWhere, referralWhere, schoolScopeSql } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { db } from "../db";
import { dayFromIso, todayInLima } from "../format/date";
import { getTerritoryStats } from "./territory-stats";
import { overdueWhere } from "../referrals/overdue";
import { HOME_LINKS } from "./links";
import type { HomeFigures, HomeStat } from "./types";

// The figures on each role's home page. Every count carries the caller's scope in its
// `where` (lib/auth/scope.ts), so a number can never include rows the user may not see.

const NOT_CLOSED: Prisma.CaseWhereInput = { state: { not: "CLOSED" } };

export async function getHomeStats(user: SessionUser, now: Date = new Date()): Promise<HomeFigures> {
  if (user.role === "COORDINATOR") return getTerritoryStats(user);
  return { stats: await getLiveStats(user, now), computedAt: null };
}

/** The figures counted on every request: a school's, a case team's, an agency's, the admin's. */
async function getLiveStats(user: SessionUser, now: Date): Promise<HomeStat[]> {
  switch (user.role) {
    case "ADMIN":
      return getAdminStats(user);
    case "DIRECTOR":
    case "TUTOR":
      return getSchoolStats(user, now);
    case "PSYCHOLOGIST":
    case "SOCIAL_WORKER":
    case "EDUCATOR":
      return getCaseTeamStats(user, now);
    case "AGENCY_STAFF":
      return getAgencyStats(user, now);
    default:
      return [];
  }
}

type SchoolCounts = {
  students: number;
  sections: number;
  sectionsToday: number;
  openAlerts: number | null;
  openCases: number | null;
};

/**
 * Director and tutor: their school's roster, today's attendance and (director) alerts and
 * cases. One statement of five counts (five Prisma queries before: decision 017, eighth round);
 * each count is limited to the user's schools (schoolScopeSql) and is asked only if the role may read its rows,
 * as studentWhere, alertWhere and caseWhere do.
 */
async function getSchoolStats(user: SessionUser, now: Date): Promise<HomeStat[]> {
  authorize(user, "students.read");
  const inScope = schoolScopeSql(user, '"schoolId"');
  const today = dayFromIso(todayInLima(now));
  const attendance = can(user.role, "attendance.read")
    ? Prisma.sql`(SELECT count(*)::int FROM attendance_day WHERE ${inScope} AND date = ${today}::date)`
    : Prisma.sql`0`;
  const alerts = can(user.role, "alerts.read")
    ? Prisma.sql`(SELECT count(*)::int FROM alert WHERE ${inScope} AND status = 'OPEN')`
    : Prisma.sql`NULL::int`;
  const cases = can(user.role, "cases.readSummary")
    ? Prisma.sql`(SELECT count(*)::int FROM case_file WHERE ${inScope} AND state <> 'CLOSED')`
    : Prisma.sql`NULL::int`;
  const [counts] = await db.$queryRaw<SchoolCounts[]>`
    SELECT (SELECT count(*)::int FROM student WHERE ${inScope} AND status = 'ACTIVE') AS students,
           (SELECT count(*)::int FROM (SELECT DISTINCT grade, section FROM student
                                        WHERE ${inScope} AND status = 'ACTIVE') g) AS sections,
           ${attendance} AS "sectionsToday", ${alerts} AS "openAlerts", ${cases} AS "openCases"`;
  const { students, sections, sectionsToday, openAlerts, openCases } = counts;
  const stats: HomeStat[] = [{ id: "students", label: "students", value: students, href: HOME_LINKS.activeStudents }];
  if (openAlerts !== null)
    stats.push({ id: "open-alerts", label: "openAlerts", value: openAlerts, href: HOME_LINKS.openAlerts });
  if (openCases !== null)
    stats.push({ id: "open-cases", label: "openCases", value: openCases, href: HOME_LINKS.openCases });
  stats.push({
    id: "attendance-today",
    label: "attendanceToday",
    value: sectionsToday,
    hint: { label: "attendanceTodayHint", values: { total: sections } },
    href: HOME_LINKS.attendanceToday,
  });
  return stats;
}

/** Psychologist, social worker, educator: the cases of the schools they serve. */
async function getCaseTeamStats(user: SessionUser, now: Date): Promise<HomeStat[]> {
  authorize(user, "cases.read");
  const [openCases, myCases, overdue] = await Promise.all([
    db.case.count({ where: { ...caseWhere(user), ...NOT_CLOSED } }),
    db.case.count({ where: { ...caseWhere(user), ...NOT_CLOSED, assignments: { some: { userId: user.id } } } }),
    db.referral.count({ where: { AND: [referralWhere(user), overdueWhere(now)] } }),
  ]);
  return [
    { id: "open-cases", label: "openCases", value: openCases, href: HOME_LINKS.openCases },
    { id: "my-cases", label: "myCases", value: myCases, href: HOME_LINKS.myOpenCases },
    {
      id: "overdue-referrals",
      label: "overdueReferrals",
      value: overdue,
      hint: { label: "overdueReferralsHint" },
      href: HOME_LINKS.overdueReferrals,
    },
  ];
}

/** Agency staff: the referral inbox of their agency. */
async function getAgencyStats(user: SessionUser, now: Date): Promise<HomeStat[]> {
  authorize(user, "referrals.inbox");
  const scope = referralWhere(user);
  const [waiting, active, overdue] = await Promise.all([
    db.referral.count({ where: { AND: [scope, { status: "SENT" }] } }),
    db.referral.count({ where: { AND: [scope, { status: { in: ["ACCEPTED", "IN_PROGRESS"] } }] } }),
    db.referral.count({ where: { AND: [scope, overdueWhere(now)] } }),
  ]);
  return [
    { id: "referrals-waiting", label: "referralsWaiting", value: waiting, href: HOME_LINKS.referralsWaiting },
    {
      id: "referrals-in-progress",
      label: "referralsActive",
      value: active,
      hint: { label: "referralsActiveHint" },
      href: HOME_LINKS.referralsActive,
    },
    {
      id: "overdue-referrals",
      label: "overdueReferrals",
      value: overdue,
      hint: { label: "overdueReferralsHint" },
      href: HOME_LINKS.overdueReferrals,
    },
  ];
}

/** Administrator: configuration counts only, never case content. */
async function getAdminStats(user: SessionUser): Promise<HomeStat[]> {
  authorize(user, "users.manage");
  const [users, schools, agencies] = await Promise.all([
    db.user.count({ where: { active: true } }),
    db.school.count(),
    db.agency.count({ where: { active: true } }),
  ]);
  return [
    { id: "users", label: "users", value: users, href: HOME_LINKS.users },
    { id: "schools", label: "schoolsCount", value: schools, href: HOME_LINKS.schools },
    { id: "agencies", label: "agencies", value: agencies, href: HOME_LINKS.agencies },
  ];
}
