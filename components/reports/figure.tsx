import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Count } from "@/lib/reports/table-model";
import type { FigureDatum, FigureWords } from "./figure-rows";

/**
 * How a report prints its figures, read once per request and shared by every section: the
 * interface locale's numbers, and the words a screen reader hears for a hidden figure. A cell
 * is data for FigureRows (components/reports/figure-rows.tsx): a count, "< 5" where small
 * counts are suppressed, or "*" where a larger one is withheld so that a small one cannot be
 * worked out. Reading next-intl in every cell cost the coordinator's /reports ~8 ms (decision 017).
 */
export type FigureText = {
  /** The screen-reader words of FigureRows. */
  words: FigureWords;
  /** A count as a FigureRows cell. */
  figure: (value: Count) => FigureDatum;
  /** A percentage as a FigureRows cell; "—" where there is nothing to divide by. */
  percent: (value: number | null) => FigureDatum;
};

export const getFigureText = cache(async (): Promise<FigureText> => {
  const [t, format] = await Promise.all([getTranslations("reports.privacy"), getFormatter()]);
  const number = (n: number) => format.number(n);
  return {
    words: { small: t("small"), withheld: t("withheld") },
    figure: (value) => (value === "suppressed" ? "s" : value === "withheld" ? "w" : [value, number(value)]),
    percent: (value) => (value === null ? [null, "—"] : [value, `${number(value)}\u00a0%`]),
  };
});

/** The legend under a table of an aggregate-only reader, when something is hidden. */
export async function PrivacyNote({ shown }: { shown: boolean }) {
  if (!shown) return null;
  const t = await getTranslations("reports.privacy");
  return <p className="text-sm text-slate-600">{t("note")}</p>;
}
