import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { getRequestOrigin } from "../auth/origin";
import { getCurrentUser } from "../auth/session";
import { isAppError } from "../errors/app-error";
import { parseListParams } from "../lists/params";
import type { ExportName, Translate } from "./csv";
import { exportReportCsv } from "./export";
import { ZReportFilters } from "./schema";

// GET /reports/<name>.csv with the page's filters (see export.ts). Not allowed or out of
// scope: 404, as everywhere.

export function reportCsvRoute(name: ExportName) {
  return async function GET(request: Request): Promise<Response> {
    const user = await getCurrentUser();
    if (!user) return new Response("Unauthorized", { status: 401 });
    const filters = parseListParams(new URL(request.url).searchParams, ZReportFilters);
    const [t, tv, locale, origin] = await Promise.all([
      getTranslations("reports"),
      getTranslations("visits.reachability"),
      getLocale(),
      getRequestOrigin(),
    ]);
    try {
      const { csv, fileName } = await exportReportCsv(user, name, filters, origin, {
        t: t as unknown as Translate,
        tv: tv as unknown as Translate,
        locale: locale === "en" ? "en" : "es",
      });
      return new Response(csv, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${fileName}"`,
          "Cache-Control": "no-store",
        },
      });
    } catch (e) {
      if (isAppError(e) && e.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
      throw e;
    }
  };
}
