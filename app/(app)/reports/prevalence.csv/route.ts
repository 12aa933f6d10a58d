import { reportCsvRoute } from "@/lib/reports/export-route";

// /reports/prevalence.csv: see lib/reports/export-route.ts.
export const GET = reportCsvRoute("prevalence");
