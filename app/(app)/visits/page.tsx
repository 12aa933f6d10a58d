import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { roleLabel } from "@/components/nav/role-label";
import { FilterPanel } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { parseListParams, type RawSearchParams } from "@/lib/lists/params";
import { findMyVisits, listVisitAssignees, MY_VISITS_LIMIT } from "@/lib/visits/queries";
import { ZVisitListFilters } from "@/lib/visits/schema";
import { VisitSection } from "./visit-section";

export const generateMetadata = titleFrom("common.nav", "visits");

type Props = { searchParams: Promise<RawSearchParams> };

/**
 * "Mis visitas": the route of the day for whoever makes visits — overdue first, then today and
 * the coming days — each grouped by district and ordered by address. Anyone on the team may
 * look at a colleague's route or the whole team's (GET filter, so it can be bookmarked).
 */
export default async function MyVisitsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "visits.read") || user.role === "AGENCY_STAFF") notFound();
  const filters = parseListParams(await searchParams, ZVisitListFilters);
  const [t, tc, visits, members] = await Promise.all([
    getTranslations("visits.mine"),
    getTranslations("common"),
    findMyVisits(user, filters),
    listVisitAssignees(user),
  ]);
  const isTeam = can(user.role, "visits.write");
  const fallback = isTeam ? "me" : "all";
  const options = [
    ...(isTeam ? [{ value: "all", label: t("filterAll") }] : []),
    ...members
      .filter((m) => m.id !== user.id)
      .map((m) => ({ value: m.id, label: `${m.name} · ${roleLabel(tc, { role: m.role, agencyType: null })}` })),
  ];
  const showAssignee = visits.assignee !== "me";
  const sections = [
    { key: "overdue", rows: visits.overdue, help: t("overdueHelp") },
    { key: "today", rows: visits.today },
    { key: "upcoming", rows: visits.upcoming },
  ] as const;

  return (
    <div className="space-y-4">
      <PageHeader title={isTeam ? t("title") : t("titleAll")} description={t("description")} />
      <FilterPanel
        label={t("filterLabel")}
        clearHref="/visits"
        filters={{ assignee: visits.assignee === fallback ? undefined : visits.assignee }}
        applyLabel={t("filterApply")}
        selects={[
          {
            name: "assignee",
            label: t("filter"),
            value: visits.assignee === fallback ? undefined : visits.assignee,
            anyLabel: isTeam ? t("filterMine") : t("filterAll"),
            options,
          },
        ]}
      />
      <p className="text-sm text-slate-700" role="status" data-testid="visit-count">
        {t("count", { total: visits.total })}
        {visits.truncated ? ` ${t("truncated", { limit: MY_VISITS_LIMIT })}` : null}
      </p>
      {sections.map((s) => (
        <VisitSection
          key={s.key}
          id={`visits-${s.key}`}
          title={t(s.key)}
          help={"help" in s ? s.help : undefined}
          groups={s.rows}
          canRecord={isTeam}
          showAssignee={showAssignee}
          showSchool={user.schoolIds.length > 1}
          showDay={s.key !== "today"}
        />
      ))}
    </div>
  );
}
