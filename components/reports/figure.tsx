import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Count } from "@/lib/reports/table-model";

type CellProps = Omit<React.ComponentProps<"td">, "children">;

/** How the figure cells print: the interface locale's numbers and the hidden figures' words. */
export type FigureText = { number: (n: number) => string; small: string; withheld: string };

/** The figure cells' text for this request (read once, shared by every section). */
export const getFigureText = cache(async (): Promise<FigureText> => {
  const [t, format] = await Promise.all([getTranslations("reports.privacy"), getFormatter()]);
  return { number: (n) => format.number(n), small: t("small"), withheld: t("withheld") };
});

/**
 * A table cell holding a count as printed in a report: the number, "< 5" where small counts
 * are suppressed, or "*" where a larger one is withheld so that a small one cannot be worked
 * out. Screen readers hear the words, not the symbols. `data-value` carries the raw value
 * ("<5", "*" or the number) so tests need not parse locale formatting.
 *
 * FigureCell and PercentCell are synchronous server components that render the `<td>` itself:
 * a report at UGEL scale prints over 800 of them, and a wrapper element per figure made a
 * third of the page's elements. They print with the `text` their section read once
 * (getFigureText): next-intl's hooks in every cell cost the coordinator's /reports ~8 ms
 * (decision 017).
 */
export function FigureCell({ value, text, ...td }: { value: Count; text: FigureText } & CellProps) {
  if (value === "suppressed" || value === "withheld") {
    return (
      <td {...td} data-value={value === "suppressed" ? "<5" : "*"}>
        <span aria-hidden="true">{value === "suppressed" ? "<\u00a05" : "*"}</span>
        <span className="sr-only">{value === "suppressed" ? text.small : text.withheld}</span>
      </td>
    );
  }
  return (
    <td {...td} data-value={value}>
      {text.number(value)}
    </td>
  );
}

/** A percentage cell; "—" where there is nothing to divide by. */
export function PercentCell({ value, text, ...td }: { value: number | null; text: FigureText } & CellProps) {
  if (value === null) return <td {...td}>—</td>;
  return (
    <td {...td} data-value={value}>
      {`${text.number(value)}\u00a0%`}
    </td>
  );
}

/** The legend under a table of an aggregate-only reader, when something is hidden. */
export async function PrivacyNote({ shown }: { shown: boolean }) {
  if (!shown) return null;
  const t = await getTranslations("reports.privacy");
  return <p className="text-sm text-slate-600">{t("note")}</p>;
}
