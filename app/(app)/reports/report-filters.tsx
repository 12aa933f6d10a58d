import { getTranslations } from "next-intl/server";
import { FilterPanel } from "@/components/ui/filter-form";
import { TextField } from "@/components/ui/field";
import type { TReportFilters } from "@/lib/reports/schema";
import type { ReportSchool } from "@/lib/reports/scope";

const GRADES = [1, 2, 3, 4, 5];

/**
 * The report's filters as a GET form: scope (only the levels where the caller has a choice),
 * period, grade and sex. The URL carries them, so a report can be bookmarked and its CSV
 * exports take the same ones.
 */
export async function ReportFilters({ filters, available }: { filters: TReportFilters; available: ReportSchool[] }) {
  const t = await getTranslations("reports");
  const distinct = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, "es"));
  const regions = distinct(available.map((s) => s.region));
  const districts = distinct(
    available.filter((s) => !filters.region || s.region === filters.region).map((s) => s.district),
  );
  const selects = [
    ...(regions.length > 1
      ? [
          {
            name: "region",
            label: t("filters.region"),
            value: filters.region,
            options: regions.map((r) => ({ value: r, label: r })),
          },
        ]
      : []),
    ...(districts.length > 1
      ? [
          {
            name: "district",
            label: t("filters.district"),
            value: filters.district,
            options: districts.map((d) => ({ value: d, label: d })),
          },
        ]
      : []),
    ...(available.length > 1
      ? [
          {
            name: "school",
            label: t("filters.school"),
            value: filters.school,
            options: available.map((s) => ({ value: s.id, label: `${s.name} (${s.codigoModular})` })),
          },
        ]
      : []),
    {
      name: "grade",
      label: t("filters.grade"),
      value: filters.grade,
      options: GRADES.map((g) => ({ value: g, label: t("gradeValue", { grade: g }) })),
    },
    {
      name: "sex",
      label: t("filters.sex"),
      value: filters.sex,
      options: (["F", "M"] as const).map((x) => ({ value: x, label: t(`sex.${x}`) })),
    },
  ];
  return (
    <FilterPanel
      label={t("filters.label")}
      clearHref="/reports"
      filters={filters}
      selects={selects}
      applyLabel={t("filters.apply")}
      clearLabel={t("filters.clear")}
    >
      <TextField id="f-from" name="from" type="date" label={t("filters.from")} defaultValue={filters.from ?? ""} />
      <TextField id="f-to" name="to" type="date" label={t("filters.to")} defaultValue={filters.to ?? ""} />
    </FilterPanel>
  );
}
