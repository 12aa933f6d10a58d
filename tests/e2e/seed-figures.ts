import { can } from "../../lib/auth/policy";
import { todayInLima } from "../../lib/format/date";
import { SUPPRESSION_THRESHOLD } from "../../lib/home/suppress";
import { ReferralStatus } from "../../lib/generated/prisma/enums";
import { AGENCIES, agencyId, SCHOOLS, schoolId, userId, USERS } from "../../prisma/seed/people";
import { buildPlan, sections } from "../../prisma/seed/plan";

// The home figures each demo account must see on the untouched demo database, derived from
// the seed's own plan (prisma/seed/plan.ts builds, in memory and deterministically, exactly
// the rows the seed writes) with the same filters as lib/home/get-home-stats.ts and
// territory-stats.ts. Nothing here is typed by hand, so a change to the seed or to a query
// that moves a figure fails the e2e test.

/**
 * The load day of the e2e server's demo: playwright.config.ts sets SEED_ANCHOR once for the
 * server and the test workers.
 */
export const SEED_ANCHOR = process.env.SEED_ANCHOR || todayInLima();
/** The plan the e2e server seeded: the same rows, ids and dates. */
export const demoPlan = buildPlan(SEED_ANCHOR);
const plan = demoPlan;
const { rows } = plan;

type Figure = { id: string; value: string };

const isOpenCase = (c: (typeof rows.cases)[number]) => c.state !== "CLOSED";
const overdue = (r: (typeof rows.referrals)[number], now: Date) => r.status === "SENT" && new Date(r.dueAt) < now;
const shown = (n: number) => String(n);
const suppressed = (n: number) => (n < SUPPRESSION_THRESHOLD ? "<5" : String(n));

/** The stat cards (data-testid without "stat-", raw data-value) the account's home shows, in order. */
export function expectedHomeFigures(email: string, now = new Date()): Figure[] {
  const user = USERS.find((u) => u.email === email);
  if (!user) throw new Error(`${email} is not a demo account`);
  const schools = new Set<string>(user.schools.map((c) => schoolId(c)));
  const inScope = (row: { schoolId: string }) => schools.has(row.schoolId);
  const students = plan.students.filter(inScope);
  const cases = rows.cases.filter(inScope);
  const referrals = rows.referrals.filter(inScope);

  switch (user.role) {
    case "ADMIN":
      return [
        { id: "users", value: shown(USERS.length) },
        { id: "schools", value: shown(SCHOOLS.length) },
        { id: "agencies", value: shown(AGENCIES.length) },
      ];
    case "COORDINATOR": {
      const alerted = new Set(rows.alerts.filter(inScope).map((a) => a.studentId));
      return [
        { id: "students-followed", value: suppressed(students.length) },
        { id: "students-alerted", value: suppressed(alerted.size) },
        { id: "open-cases", value: suppressed(cases.filter(isOpenCase).length) },
        ...Object.values(ReferralStatus).map((status) => ({
          id: `referrals-${status.toLowerCase().replace("_", "-")}`,
          value: suppressed(referrals.filter((r) => r.status === status).length),
        })),
      ];
    }
    case "DIRECTOR":
    case "TUTOR": {
      const today = todayInLima(now);
      const recordedToday = plan.days.includes(today) ? sections(students).length : 0;
      const figures = [{ id: "students", value: shown(students.length) }];
      if (can(user.role, "alerts.read")) {
        const open = rows.alerts.filter((a) => inScope(a) && a.status === "OPEN");
        figures.push({ id: "open-alerts", value: shown(open.length) });
      }
      if (can(user.role, "cases.readSummary")) {
        figures.push({ id: "open-cases", value: shown(cases.filter(isOpenCase).length) });
      }
      return [...figures, { id: "attendance-today", value: shown(recordedToday) }];
    }
    case "PSYCHOLOGIST":
    case "SOCIAL_WORKER":
    case "EDUCATOR": {
      const mine = new Set(rows.assignments.filter((a) => a.userId === userId(user.key)).map((a) => a.caseId));
      return [
        { id: "open-cases", value: shown(cases.filter(isOpenCase).length) },
        { id: "my-cases", value: shown(cases.filter((c) => isOpenCase(c) && mine.has(c.id!)).length) },
        { id: "overdue-referrals", value: shown(referrals.filter((r) => overdue(r, now)).length) },
      ];
    }
    case "AGENCY_STAFF": {
      const agency = agencyId(user.agency);
      const inbox = rows.referrals.filter((r) => r.agencyId === agency);
      return [
        { id: "referrals-waiting", value: shown(inbox.filter((r) => r.status === "SENT").length) },
        {
          id: "referrals-in-progress",
          value: shown(inbox.filter((r) => r.status === "ACCEPTED" || r.status === "IN_PROGRESS").length),
        },
        { id: "overdue-referrals", value: shown(inbox.filter((r) => overdue(r, now)).length) },
      ];
    }
  }
}

/** Figures the pilot reported and the demo is built to reproduce. */
export const PILOT = { studentsFollowed: 2356, studentsAlerted: 278 } as const;
