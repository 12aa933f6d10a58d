import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";

// Shared pieces of the report tables: a captioned table that scrolls sideways on a phone (its
// cells are styled by `.report-table` in app/globals.css; a figure's column header is
// `className="num"`), and the CSV download link of a section.

export function ReportTable({
  caption,
  testId,
  children,
}: {
  caption: string;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    // Focusable and named: a keyboard can scroll it on a phone (axe: scrollable-region-focusable).
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto">
      <table className="report-table w-full text-sm" data-testid={testId}>
        <caption className="mb-2 text-left text-sm font-semibold text-slate-900">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/** The section's export with the page's filters (shown to roles that may export). */
export async function DownloadLink({ report, title, query }: { report: string; title: string; query: string }) {
  const t = await getTranslations("reports");
  return (
    <a
      href={`/reports/${report}.csv${query}`}
      download
      className={buttonClasses("secondary", "self-start")}
      data-testid={`download-${report}`}
    >
      {/* Named by its text, which says which report (no aria-label that differs from what shows). */}
      {t("download")}
      <span className="sr-only"> {t("downloadLabel", { report: title })}</span>
    </a>
  );
}
