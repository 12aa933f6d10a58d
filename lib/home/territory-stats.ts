import "server-only";
import { authorize } from "../auth/authorize";
import { schoolScopeWhere } from "../auth/scope";
import type { SessionUser } from "../auth/types";
import { AGGREGATES_TTL_MS, TtlCache } from "../cache/ttl-cache";
import { db } from "../db";
import { ReferralStatus } from "../generated/prisma/enums";
import { suppressSmallCount } from "./suppress";
import { HOME_LINKS } from "./links";
import type { HomeFigures, HomeStat } from "./types";

// Coordinator home: territory-wide aggregates (no names, no rows), small counts suppressed
// here on the server so the raw number never reaches the browser.

const REFERRAL_LABELS: Record<ReferralStatus, string> = {
  SENT: "referralsSent",
  ACCEPTED: "referralsAccepted",
  REJECTED: "referralsRejected",
  IN_PROGRESS: "referralsInProgress",
  CLOSED: "referralsClosed",
};

/**
 * Territory aggregates count every enrolled student and alert of a UGEL (50,000 students:
 * ~19 ms of PostgreSQL per home page, ten times a school's home). Like the report figures they
 * are kept per server process for REPORTS_CACHE_SECONDS (120 s by default, refreshed behind
 * their readers past half of it; 0 turns it off, as the tests do), keyed by the covered
 * schools: two coordinators share figures only when they cover exactly the same schools.
 */
const TERRITORY_CACHE = new TtlCache<HomeFigures>(AGGREGATES_TTL_MS, 100);

/** The territory's figures and when they were computed (the page prints it: they may be minutes old). */
export async function getTerritoryStats(user: SessionUser): Promise<HomeFigures> {
  authorize(user, "reports.read");
  const territory = schoolScopeWhere(user);
  const key = JSON.stringify([...territory.schoolId.in].sort());
  return TERRITORY_CACHE.get(key, async () => {
    const computedAt = new Date();
    return { stats: await computeTerritoryStats(territory), computedAt };
  });
}

async function computeTerritoryStats(territory: ReturnType<typeof schoolScopeWhere>): Promise<HomeStat[]> {
  const [followed, alerted, openCases, referrals] = await Promise.all([
    db.student.count({ where: { ...territory, status: "ACTIVE" } }),
    // Counted from the alerts (a few thousand rows), not by probing every student of the
    // territory for one: an alert's school is always its student's (decision 008).
    db.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT "studentId")::int AS n FROM alert WHERE "schoolId" = ANY(${territory.schoolId.in}::uuid[])`.then(
      (rows) => rows[0].n,
    ),
    db.case.count({ where: { ...territory, state: { not: "CLOSED" } } }),
    db.referral.groupBy({ by: ["status"], where: territory, _count: { _all: true } }),
  ]);
  const byStatus = new Map(referrals.map((r) => [r.status, r._count._all]));
  return [
    // "students-followed" keeps its id (tests, bookmarks); it counts the enrolled students.
    {
      id: "students-followed",
      label: "studentsEnrolled",
      value: suppressSmallCount(followed),
      href: HOME_LINKS.reportsGradeSex,
    },
    {
      id: "students-alerted",
      label: "studentsAlerted",
      value: suppressSmallCount(alerted),
      href: HOME_LINKS.reportsGradeSex,
    },
    { id: "open-cases", label: "openCases", value: suppressSmallCount(openCases), href: HOME_LINKS.reportsFunnel },
    ...Object.values(ReferralStatus).map((status) => ({
      id: `referrals-${status.toLowerCase().replace("_", "-")}`,
      label: REFERRAL_LABELS[status],
      value: suppressSmallCount(byStatus.get(status) ?? 0),
      href: HOME_LINKS.reportsReferrals,
    })),
  ];
}
