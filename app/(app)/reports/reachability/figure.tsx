import { getFormatter, getTranslations } from "next-intl/server";
import type { StatValue } from "@/lib/home/types";

/** A count, or "< 5" (read aloud as "fewer than 5") where small counts are suppressed. */
export async function Figure({ value }: { value: StatValue }) {
  if (value === "suppressed") {
    const t = await getTranslations("visits.reachability");
    return (
      <span data-value="<5">
        <span aria-hidden="true">{"<\u00a05"}</span>
        <span className="sr-only">{t("suppressed")}</span>
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
