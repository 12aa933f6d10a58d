import { getTranslations } from "next-intl/server";
import { FilterPanel } from "@/components/ui/filter-form";
import type { CaseTeamMember } from "@/lib/cases/list";
import { NOT_CLOSED, type TCaseListFilters } from "@/lib/cases/schema";
import { CASE_STATES } from "@/lib/cases/transitions";

const GRADES = [1, 2, 3, 4, 5, 6];

export async function CaseFiltersForm({
  filters,
  members,
  showMine,
}: {
  filters: TCaseListFilters;
  members: CaseTeamMember[];
  showMine: boolean;
}) {
  const t = await getTranslations("cases");
  const mine = showMine ? [{ value: "me", label: t("list.mine") }] : [];
  const assignees = [...mine, ...members.map((m) => ({ value: m.id, label: m.name }))];
  const selects = [
    {
      name: "state",
      label: t("list.state"),
      value: filters.state,
      options: [
        { value: NOT_CLOSED, label: t("list.notClosed") },
        ...CASE_STATES.map((s) => ({ value: s, label: t(`states.${s}`) })),
      ],
    },
    { name: "assignee", label: t("list.assignee"), value: filters.assignee, options: assignees },
    {
      name: "grade",
      label: t("list.grade"),
      value: filters.grade,
      options: GRADES.map((g) => ({ value: g, label: t("list.gradeOption", { grade: g }) })),
    },
    {
      name: "sex",
      label: t("list.sex"),
      value: filters.sex,
      options: (["F", "M"] as const).map((s) => ({ value: s, label: t(`sex.${s}`) })),
    },
  ];
  return (
    <FilterPanel
      label={t("list.filters")}
      filters={filters}
      clearHref="/cases"
      selects={selects}
      className="lg:grid-cols-2 xl:grid-cols-4"
    />
  );
}
