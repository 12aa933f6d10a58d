import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";

// Shared pieces of the report tables: a captioned table that scrolls sideways on a phone,
// header and figure cell styles, and the CSV download link of a section.

export const th = "py-2 pr-3 text-left font-medium";
export const thNum = "py-2 pr-3 text-right font-medium whitespace-nowrap";
export const td = "whitespace-nowrap py-2 pr-3 text-right tabular-nums";

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
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
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
      aria-label={t("downloadLabel", { report: title })}
      className={buttonClasses("secondary", "self-start")}
      data-testid={`download-${report}`}
    >
      {t("download")}
    </a>
  );
}
