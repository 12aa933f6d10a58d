import { useFormatter, useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { Count } from "@/lib/reports/table-model";

/**
 * A count as printed in a report: the number, "< 5" where small counts are suppressed, or "*"
 * where a larger one is withheld so that a small one cannot be worked out. Screen readers hear
 * the words, not the symbols.
 *
 * Figure and Percent are synchronous server components (next-intl's hooks work in them): a
 * report at UGEL scale prints over a thousand of them, and React sends each async component
 * as a separate part of the page's payload.
 */
export function Figure({ value }: { value: Count }) {
  const t = useTranslations("reports.privacy");
  const format = useFormatter();
  if (value === "suppressed" || value === "withheld") {
    return (
      <span data-value={value === "suppressed" ? "<5" : "*"}>
        <span aria-hidden="true">{value === "suppressed" ? "<\u00a05" : "*"}</span>
        <span className="sr-only">{t(value === "suppressed" ? "small" : "withheld")}</span>
      </span>
    );
  }
  return <span data-value={value}>{format.number(value)}</span>;
}

export function Percent({ value }: { value: number | null }) {
  const format = useFormatter();
  if (value === null) return <span>—</span>;
  return <span data-value={value}>{`${format.number(value)}\u00a0%`}</span>;
}

/** The legend under a table of an aggregate-only reader, when something is hidden. */
export async function PrivacyNote({ shown }: { shown: boolean }) {
  if (!shown) return null;
  const t = await getTranslations("reports.privacy");
  return <p className="text-sm text-slate-600">{t("note")}</p>;
}
