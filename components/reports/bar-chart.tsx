import "server-only";
import { getLocale } from "next-intl/server";
import { renderBarChart, type BarChartSpec } from "@/lib/reports/chart-svg";

/**
 * A bar chart drawn on the server. The drawing is hidden from screen readers: its numbers are
 * in the table that always follows it, and the caption says so.
 */
export async function ReportChart({
  caption,
  testId,
  ...spec
}: Omit<BarChartSpec, "locale"> & { caption: string; testId: string }) {
  const locale = await getLocale();
  // The same number format as the tables (next-intl formats with the interface locale).
  const svg = renderBarChart({ ...spec, locale });
  return (
    <figure className="max-w-md" data-testid={testId}>
      <div
        aria-hidden="true"
        className="[&>svg]:h-auto [&>svg]:w-full"
        // Markup drawn by the chart library from numbers and catalogue labels; it escapes text.
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <figcaption className="mt-1 text-xs text-slate-600">{caption}</figcaption>
    </figure>
  );
}
