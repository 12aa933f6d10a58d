import { reportCsvRoute } from "@/lib/reports/export-route";

// /reports/grade-sex.csv: see lib/reports/export-route.ts.
export const GET = reportCsvRoute("grade-sex");
