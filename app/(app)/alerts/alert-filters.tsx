import { getTranslations } from "next-intl/server";
import { FilterPanel, gradeAndSectionValues } from "@/components/ui/filter-form";
import { ALERT_KINDS, type TAlertListFilters } from "@/lib/alerts/schema";

export async function AlertFiltersForm({
  filters,
  sections,
}: {
  filters: TAlertListFilters;
  sections: { grade: number; section: string }[];
}) {
  const t = await getTranslations("alerts");
  const { grades, sectionNames } = gradeAndSectionValues(sections);
  const selects = [
    {
      name: "kind",
      label: t("inbox.kind"),
      value: filters.kind,
      options: ALERT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
    },
    {
      name: "grade",
      label: t("inbox.grade"),
      value: filters.grade,
      options: grades.map((g) => ({ value: g, label: t("inbox.gradeOption", { grade: g }) })),
    },
    {
      name: "section",
      label: t("inbox.section"),
      value: filters.section,
      options: sectionNames.map((s) => ({ value: s, label: s })),
    },
    {
      name: "sex",
      label: t("inbox.sex"),
      value: filters.sex,
      options: (["F", "M"] as const).map((s) => ({ value: s, label: t(`sex.${s}`) })),
    },
  ];
  return (
    <FilterPanel
      label={t("inbox.filters")}
      filters={filters}
      clearHref="/alerts"
      selects={selects}
      className="lg:grid-cols-2 xl:grid-cols-4"
    />
  );
}
