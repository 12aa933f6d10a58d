import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { STUDENT_STATUSES } from "@/lib/students/record-schema";
import type { StudentFilters } from "@/lib/students/queries";

/** A plain GET form: filters live in the URL, so results can be bookmarked and reloaded. */
export async function StudentFiltersForm({
  filters,
  sections,
}: {
  filters: StudentFilters;
  sections: { grade: number; section: string }[];
}) {
  const t = await getTranslations("students");
  const grades = [...new Set(sections.map((s) => s.grade))];
  const sectionNames = [...new Set(sections.map((s) => s.section))].sort();
  const label = "text-sm font-medium text-slate-800";
  return (
    <form
      method="get"
      role="search"
      aria-label={t("filters.label")}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr]"
    >
      <div className="flex flex-col gap-1 sm:col-span-2 lg:col-span-1">
        <label htmlFor="f-q" className={label}>
          {t("filters.search")}
        </label>
        <input
          id="f-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder={t("filters.searchPlaceholder")}
          className={controlClasses}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-grade" className={label}>
          {t("filters.grade")}
        </label>
        <select id="f-grade" name="grade" defaultValue={filters.grade ?? ""} className={controlClasses}>
          <option value="">{t("filters.anyGrade")}</option>
          {grades.map((g) => (
            <option key={g} value={g}>
              {t("gradeOption", { grade: g })}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-section" className={label}>
          {t("filters.section")}
        </label>
        <select id="f-section" name="section" defaultValue={filters.section ?? ""} className={controlClasses}>
          <option value="">{t("filters.anySection")}</option>
          {sectionNames.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-status" className={label}>
          {t("filters.status")}
        </label>
        <select id="f-status" name="status" defaultValue={filters.status ?? ""} className={controlClasses}>
          <option value="">{t("filters.anyStatus")}</option>
          {STUDENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClasses("primary")}>
          {t("filters.apply")}
        </button>
        <Link href="/students" className={buttonClasses("ghost")}>
          {t("filters.clear")}
        </Link>
      </div>
    </form>
  );
}
