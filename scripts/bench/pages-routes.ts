import type { BenchAccounts } from "./pages-data";

// The pages `npm run bench:pages` drives, and who looks at each. One line per page: a route
// that answers 404 (not built yet on this branch) is skipped with a notice.
// `{caseId}` and `{studentId}` are a case of the case-team member in the director's school.

export type RouteKind = "shell" | "page" | "report";

export type BenchRoute = { path: string; user: keyof BenchAccounts; kind: RouteKind };

/** p95 ÷ the shell's p95 that a page may reach, by kind. */
export const TARGET_RATIO: Record<RouteKind, number> = { shell: 1, page: 2, report: 4 };

export const ROUTES: BenchRoute[] = [
  // The shell: the signed-in layout and a small page, what every page pays at least.
  { path: "/settings", user: "director", kind: "shell" },
  { path: "/", user: "director", kind: "page" },
  { path: "/", user: "caseTeam", kind: "page" },
  { path: "/", user: "coordinator", kind: "page" },
  { path: "/students", user: "director", kind: "page" },
  { path: "/students/{studentId}", user: "director", kind: "page" },
  { path: "/alerts", user: "director", kind: "page" },
  { path: "/cases", user: "director", kind: "page" },
  { path: "/cases", user: "caseTeam", kind: "page" },
  { path: "/cases/{caseId}", user: "caseTeam", kind: "page" },
  { path: "/cases/{caseId}", user: "director", kind: "page" },
  { path: "/referrals", user: "caseTeam", kind: "page" },
  { path: "/reports", user: "coordinator", kind: "report" },
];

/** Pages whose first-load JavaScript is weighed (a phone on a slow network opens these). */
export const WEIGHED_PAGES = ["/attendance", "/cases/[id]"];
export const FIRST_LOAD_TARGET_KB = 150;

export function routePath(route: BenchRoute, ids: { caseId: string; studentId: string }): string {
  return route.path.replace("{caseId}", ids.caseId).replace("{studentId}", ids.studentId);
}
