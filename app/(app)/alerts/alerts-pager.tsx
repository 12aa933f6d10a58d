import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import type { TAlertFiltersSchema } from "@/lib/alerts/schema";

function href(filters: TAlertFiltersSchema, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, page })) if (v !== undefined && v !== "") params.set(k, String(v));
  return `/alerts?${params.toString()}`;
}

export async function AlertsPager({
  filters,
  page,
  pages,
}: {
  filters: TAlertFiltersSchema;
  page: number;
  pages: number;
}) {
  if (pages <= 1) return null;
  const t = await getTranslations("alerts.inbox");
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={href(filters, page - 1)} className={buttonClasses("secondary")} rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">{t("pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link href={href(filters, page + 1)} className={buttonClasses("secondary")} rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
