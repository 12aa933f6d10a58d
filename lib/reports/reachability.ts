import "server-only";
import type { SessionUser } from "../auth/types";
import type { TReachabilityFilters } from "../visits/schema";
import { getReports, type ReachabilityReport } from "./load";
import type { ReportSchool } from "./scope";

// The reachability report on its own page (/reports/reachability): the same figures, and the
// same protection, as the reachability section of /reports with the same school.

export type ReachabilityPage = ReachabilityReport & {
  /** Small counts are hidden (aggregate-only roles). */
  suppressed: boolean;
  /** Every school of the caller's scope, for the school filter (the report may cover one). */
  scopeSchools: ReportSchool[];
};

export async function getReachability(
  user: SessionUser | null,
  filters: TReachabilityFilters = {},
): Promise<ReachabilityPage> {
  const { scope, reachability } = await getReports(user, { school: filters.school });
  return { ...reachability!, suppressed: scope.aggregateOnly, scopeSchools: scope.available };
}
