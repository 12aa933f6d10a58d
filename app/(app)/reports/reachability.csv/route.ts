import { reportCsvRoute } from "@/lib/reports/export-route";

// /reports/reachability.csv: see lib/reports/export-route.ts.
export const GET = reportCsvRoute("reachability");
