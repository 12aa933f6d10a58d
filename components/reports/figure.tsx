import { getFormatter, getTranslations } from "next-intl/server";
import type { Count } from "@/lib/reports/table-model";

/**
 * A count as printed in a report: the number, "< 5" where small counts are suppressed, or "*"
 * where a larger one is withheld so that a small one cannot be worked out. Screen readers hear
 * the words, not the symbols.
 */
export async function Figure({ value }: { value: Count }) {
  if (value === "suppressed" || value === "withheld") {
    const t = await getTranslations("reports.privacy");
    return (
      <span data-value={value === "suppressed" ? "<5" : "*"}>
        <span aria-hidden="true">{value === "suppressed" ? "<\u00a05" : "*"}</span>
        <span className="sr-only">{t(value === "suppressed" ? "small" : "withheld")}</span>
      </span>
    );
  }
  const format = await getFormatter();
  return <span data-value={value}>{format.number(value)}</span>;
}

export async function Percent({ value }: { value: number | null }) {
  if (value === null) return <span>—</span>;
  const format = await getFormatter();
  return <span data-value={value}>{`${format.number(value)}\u00a0%`}</span>;
}

/** The legend under a table of an aggregate-only reader, when something is hidden. */
export async function PrivacyNote({ shown }: { shown: boolean }) {
  if (!shown) return null;
  const t = await getTranslations("reports.privacy");
  return <p className="text-sm text-slate-600">{t("note")}</p>;
}
