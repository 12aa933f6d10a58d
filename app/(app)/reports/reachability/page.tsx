import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PrivacyNote } from "@/components/reports/figure";
import { CardSection } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { titleFrom } from "@/i18n/page-title";
import { getReachability } from "@/lib/reports/reachability";
import type { Count } from "@/lib/reports/table-model";
import { ZReachabilityFilters } from "@/lib/visits/schema";
import { GradeSexTable, ReasonsTable, SchoolTable } from "../reach-tables";

export const generateMetadata = titleFrom("common.nav", "reachability");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Reports: how many alerted students the team reached, and why not (the pilot's 36 % problem). */
export default async function ReachabilityPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "reports.read")) notFound();
  const filters = ZReachabilityFilters.parse(await searchParams);
  const [t, tr, format] = await Promise.all([
    getTranslations("visits.reachability"),
    getTranslations("reports"),
    getFormatter(),
  ]);
  const report = await getReachability(user, filters).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const schools = report.scopeSchools;
  const { total } = report;
  const pct = total.reachedPct === null ? null : `${format.number(total.reachedPct)} %`;
  const show = (v: Count) => (v === "suppressed" ? "< 5" : v === "withheld" ? "*" : format.number(v));

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <p className="text-sm">
        <Link prefetch={false} href="/reports" className="text-teal-800 underline underline-offset-2">
          {tr("allReports")}
        </Link>
      </p>
      {schools.length > 1 ? (
        <nav aria-label={t("schoolsFilter")} className="flex flex-wrap gap-2 text-sm">
          <FilterLink href="/reports/reachability" current={!filters.school} label={t("allSchools")} />
          {schools.map((s) => (
            <FilterLink
              key={s.id}
              href={`/reports/reachability?school=${s.id}`}
              current={filters.school === s.id}
              label={s.name}
            />
          ))}
        </nav>
      ) : null}
      <CardSection id="reachability" title={t("sectionTitle")}>
        {total.alerted === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <div className="space-y-6">
            <p className="text-base text-slate-900" data-testid="reach-summary">
              {pct
                ? t("summary", { reached: show(total.reached), alerted: show(total.alerted), pct })
                : t("summaryNoPct", { reached: show(total.reached), alerted: show(total.alerted) })}
            </p>
            {report.schools.length > 1 ? <SchoolTable report={report} /> : null}
            <GradeSexTable report={report} />
            <ReasonsTable report={report} />
            <PrivacyNote shown={report.suppressed} />
          </div>
        )}
      </CardSection>
    </div>
  );
}

function FilterLink({ href, current, label }: { href: string; current: boolean; label: string }) {
  return (
    <Link
      prefetch={false}
      href={href}
      aria-current={current ? "page" : undefined}
      className={`rounded-full border px-3 py-1 ${
        current ? "border-teal-700 bg-teal-700 text-white" : "border-slate-300 text-slate-800 hover:bg-slate-50"
      }`}
    >
      {label}
    </Link>
  );
}
