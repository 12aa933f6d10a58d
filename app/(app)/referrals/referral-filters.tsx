import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterPanel } from "@/components/ui/filter-form";
import { listHref } from "@/lib/lists/params";
import { REFERRAL_STATUSES, REFERRAL_URGENCIES } from "@/lib/referrals/labels";
import type { TReferralListFilters } from "@/lib/referrals/schema";
import { tabClasses } from "@/components/ui/tabs";

/** The filters as URL values: several states travel as one comma-separated value. */
export function urlFilters(f: TReferralListFilters) {
  return { status: f.status.join(",") || undefined, urgency: f.urgency, overdue: f.overdue };
}

/** One-tap views: everything, awaiting an answer, overdue, ongoing. */
export async function ReferralViews({ filters }: { filters: TReferralListFilters }) {
  const t = await getTranslations("referrals.list");
  const current = listHref("/referrals", urlFilters({ ...filters, page: 1 }));
  const views = [
    { key: "all", href: "/referrals" },
    { key: "waiting", href: listHref("/referrals", { status: "SENT" }) },
    { key: "overdueView", href: listHref("/referrals", { overdue: "1" }) },
    { key: "active", href: listHref("/referrals", { status: "ACCEPTED,IN_PROGRESS" }) },
  ] as const;
  return (
    <nav aria-label={t("views")} className="flex flex-wrap gap-2">
      {views.map((v) => (
        <Link
          prefetch={false}
          key={v.key}
          href={v.href}
          aria-current={current === v.href ? "page" : undefined}
          className={tabClasses(current === v.href)}
        >
          {t(v.key)}
        </Link>
      ))}
    </nav>
  );
}

export async function ReferralFilters({ filters }: { filters: TReferralListFilters }) {
  const t = await getTranslations("referrals");
  const selects = [
    {
      name: "status",
      label: t("list.state"),
      value: filters.status.join(",") || undefined,
      options: [
        ...REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        // A view above may have chosen two states: keep it selectable.
        ...(filters.status.length > 1
          ? [{ value: filters.status.join(","), label: filters.status.map((s) => t(`status.${s}`)).join(" + ") }]
          : []),
      ],
    },
    {
      name: "urgency",
      label: t("list.urgency"),
      value: filters.urgency,
      options: REFERRAL_URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) })),
    },
    {
      name: "overdue",
      label: t("list.overdueFilter"),
      value: filters.overdue,
      options: [{ value: "1", label: t("list.overdueOnly") }],
    },
  ];
  return (
    <FilterPanel
      label={t("list.filters")}
      filters={urlFilters(filters)}
      clearHref="/referrals"
      selects={selects}
      className="lg:grid-cols-3"
    />
  );
}
