import "server-only";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import { todayInLima } from "../format/date";
import { exportRows, toCsv, type ExportName, type Translate } from "./csv";
import { getReports } from "./load";
import type { TReportFilters } from "./schema";

// One report section as a CSV file, for roles that may export (reports.export): the same
// figures, scope and small-count protection as /reports with the same filters. The download is
// audited with its filters and the schools it covered.

export async function exportReportCsv(
  user: SessionUser | null,
  name: ExportName,
  filters: TReportFilters,
  origin: RequestOrigin,
  text: { t: Translate; tv: Translate; locale: "es" | "en" },
): Promise<{ csv: string; fileName: string }> {
  authorize(user, "reports.export");
  const reports = await getReports(user, filters);
  const rows = exportRows(name, reports, text.t, text.tv, text.locale);
  await writeAudit(
    db,
    user,
    {
      action: "report.export",
      entity: "Report",
      entityId: name,
      details: {
        filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
        schools: reports.scope.schoolIds,
        rows: rows.length - 1,
      },
    },
    origin,
  );
  return { csv: toCsv(rows), fileName: `permanencia-${name}-${todayInLima()}.csv` };
}
