import { reportCsvRoute } from "@/lib/reports/export-route";

// /reports/referrals.csv: see lib/reports/export-route.ts.
export const GET = reportCsvRoute("referrals");
