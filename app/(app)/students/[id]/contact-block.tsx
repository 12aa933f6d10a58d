import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { formatDay, todayInLima } from "@/lib/format/date";
import { contactFreshness } from "@/lib/students/record-schema";

/** One contact with the date it was last verified and a visible badge once it is stale. */
export async function ContactBlock({
  title,
  verifiedAt,
  lines,
}: {
  title: string;
  verifiedAt: Date | null;
  lines: [string, ReactNode][];
}) {
  const t = await getTranslations("students.detail");
  const freshness = contactFreshness(verifiedAt, todayInLima());
  const hasAny = lines.some(([, v]) => v);
  return (
    <div data-testid="contact-block">
      <h3 className="flex flex-wrap items-center gap-2 font-medium">
        {title}
        {hasAny && (
          <span className="text-sm font-normal text-slate-600">
            {freshness === "unverified" ? t("unverified") : t("verifiedOn", { date: formatDay(verifiedAt) })}
          </span>
        )}
        {hasAny && freshness === "stale" && (
          <span
            className="rounded bg-amber-200 px-2 py-0.5 text-xs font-semibold uppercase text-amber-950"
            title={t("staleHint")}
          >
            {t("stale")}
          </span>
        )}
      </h3>
      {hasAny && freshness === "stale" && <p className="text-sm text-amber-900">{t("staleHint")}</p>}
      <dl className="mt-1">
        {lines.map(([label, value]) => (
          <div key={label} className="grid grid-cols-[7rem_1fr] gap-2 py-0.5 text-sm">
            <dt className="text-slate-600">{label}</dt>
            <dd>{value ?? "—"}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
