import { useFormatter, useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { Count } from "@/lib/reports/table-model";

type CellProps = Omit<React.ComponentProps<"td">, "children">;

/**
 * A table cell holding a count as printed in a report: the number, "< 5" where small counts
 * are suppressed, or "*" where a larger one is withheld so that a small one cannot be worked
 * out. Screen readers hear the words, not the symbols. `data-value` carries the raw value
 * ("<5", "*" or the number) so tests need not parse locale formatting.
 *
 * FigureCell and PercentCell are synchronous server components (next-intl's hooks work in
 * them) that render the `<td>` itself: a report at UGEL scale prints over 800 of them, and a
 * wrapper element per figure made a third of the page's elements (decision 017).
 */
export function FigureCell({ value, ...td }: { value: Count } & CellProps) {
  const t = useTranslations("reports.privacy");
  const format = useFormatter();
  if (value === "suppressed" || value === "withheld") {
    return (
      <td {...td} data-value={value === "suppressed" ? "<5" : "*"}>
        <span aria-hidden="true">{value === "suppressed" ? "<\u00a05" : "*"}</span>
        <span className="sr-only">{t(value === "suppressed" ? "small" : "withheld")}</span>
      </td>
    );
  }
  return (
    <td {...td} data-value={value}>
      {format.number(value)}
    </td>
  );
}

/** A percentage cell; "—" where there is nothing to divide by. */
export function PercentCell({ value, ...td }: { value: number | null } & CellProps) {
  const format = useFormatter();
  if (value === null) return <td {...td}>—</td>;
  return (
    <td {...td} data-value={value}>
      {`${format.number(value)}\u00a0%`}
    </td>
  );
}

/** The legend under a table of an aggregate-only reader, when something is hidden. */
export async function PrivacyNote({ shown }: { shown: boolean }) {
  if (!shown) return null;
  const t = await getTranslations("reports.privacy");
  return <p className="text-sm text-slate-600">{t("note")}</p>;
}
