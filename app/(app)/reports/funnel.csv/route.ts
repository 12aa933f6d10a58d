import { reportCsvRoute } from "@/lib/reports/export-route";

// /reports/funnel.csv: see lib/reports/export-route.ts.
export const GET = reportCsvRoute("funnel");
