import { getTranslations } from "next-intl/server";
import { TextField } from "@/components/ui/field";
import { FilterForm, gradeAndSectionValues } from "@/components/ui/filter-form";
import type { TStudentListFilters } from "@/lib/students/list-filters";
import { STUDENT_STATUSES } from "@/lib/students/record-schema";

/** Search first (the usual way to find a child), then grade, section and status. */
export async function StudentFiltersForm({
  filters,
  sections,
}: {
  filters: TStudentListFilters;
  sections: { grade: number; section: string }[];
}) {
  const t = await getTranslations("students");
  const { grades, sectionNames } = gradeAndSectionValues(sections);
  const selects = [
    {
      name: "grade",
      label: t("filters.grade"),
      anyLabel: t("filters.anyGrade"),
      value: filters.grade,
      options: grades.map((g) => ({ value: g, label: t("gradeOption", { grade: g }) })),
    },
    {
      name: "section",
      label: t("filters.section"),
      anyLabel: t("filters.anySection"),
      value: filters.section,
      options: sectionNames.map((s) => ({ value: s, label: s })),
    },
    {
      name: "status",
      label: t("filters.status"),
      anyLabel: t("filters.anyStatus"),
      value: filters.status,
      options: STUDENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
    },
  ];
  return (
    <FilterForm
      label={t("filters.label")}
      applyLabel={t("filters.apply")}
      clearLabel={t("filters.clear")}
      clearHref="/students"
      selects={selects}
      className="rounded-lg border border-slate-200 bg-white p-4 lg:grid-cols-3"
    >
      <div className="sm:col-span-2 lg:col-span-3">
        <TextField
          id="f-q"
          name="q"
          type="search"
          label={t("filters.search")}
          defaultValue={filters.q ?? ""}
          placeholder={t("filters.searchPlaceholder")}
        />
      </div>
    </FilterForm>
  );
}
