import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { writeAudit } from "../audit/write-audit";
import { getRequestOrigin } from "../auth/origin";
import { can } from "../auth/policy";
import { getCurrentUser } from "../auth/session";
import { db } from "../db";
import { isAppError } from "../errors/app-error";
import { todayInLima } from "../format/date";
import { parseListParams } from "../lists/params";
import { EXPORT_SECTION, exportRows, toCsv, type ExportName } from "./csv";
import { getReports } from "./load";
import { ZReportFilters } from "./schema";

// GET /reports/<name>.csv: the section of /reports with the same filters, scope and
// small-count protection as the page, for roles that may export (reports.export). Each
// download is audited with its filters. Out of scope or not allowed: 404, as everywhere.

const notFound = () => new Response("Not found", { status: 404 });

export function reportCsvRoute(name: ExportName) {
  return async function GET(request: Request): Promise<Response> {
    const user = await getCurrentUser();
    if (!user) return new Response("Unauthorized", { status: 401 });
    if (!can(user.role, "reports.export")) return notFound();
    const filters = parseListParams(new URL(request.url).searchParams, ZReportFilters);
    let reports;
    try {
      reports = await getReports(user, filters, [EXPORT_SECTION[name]]);
    } catch (e) {
      if (isAppError(e) && e.code === "NOT_FOUND") return notFound();
      throw e;
    }
    const [t, tv, locale, origin] = await Promise.all([
      getTranslations("reports"),
      getTranslations("visits.reachability"),
      getLocale(),
      getRequestOrigin(),
    ]);
    const rows = exportRows(
      name,
      reports,
      t as unknown as Parameters<typeof exportRows>[2],
      tv as unknown as Parameters<typeof exportRows>[3],
      locale === "en" ? "en" : "es",
    );
    await writeAudit(
      db,
      user,
      {
        action: "report.export",
        entity: "Report",
        entityId: name,
        details: {
          filters: JSON.parse(JSON.stringify(filters)),
          schools: reports.scope.schoolIds,
          rows: rows.length - 1,
        },
      },
      origin,
    );
    return new Response(toCsv(rows), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="permanencia-${name}-${todayInLima()}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  };
}
