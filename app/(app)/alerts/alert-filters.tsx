import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { FilterDisclosure } from "@/components/ui/filter-disclosure";
import { ALERT_KINDS, type TAlertFiltersSchema } from "@/lib/alerts/schema";

/** A plain GET form: the filters live in the URL, so a filtered inbox can be bookmarked. */
export async function AlertFiltersForm({
  filters,
  sections,
}: {
  filters: TAlertFiltersSchema;
  sections: { grade: number; section: string }[];
}) {
  const t = await getTranslations("alerts");
  const label = "text-sm font-medium text-slate-800";
  const grades = [...new Set(sections.map((s) => s.grade))];
  const sectionNames = [...new Set(sections.map((s) => s.section))].sort();
  const active = Object.entries(filters).filter(([key, v]) => key !== "page" && v !== undefined && v !== "").length;
  return (
    <FilterDisclosure summary={t("inbox.filters")} activeCount={active}>
      <form
        method="get"
        role="search"
        aria-label={t("inbox.filters")}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="f-kind" className={label}>
            {t("inbox.kind")}
          </label>
          <select id="f-kind" name="kind" defaultValue={filters.kind ?? ""} className={controlClasses}>
            <option value="">{t("inbox.any")}</option>
            {ALERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-grade" className={label}>
            {t("inbox.grade")}
          </label>
          <select id="f-grade" name="grade" defaultValue={filters.grade ?? ""} className={controlClasses}>
            <option value="">{t("inbox.any")}</option>
            {grades.map((g) => (
              <option key={g} value={g}>
                {t("inbox.gradeOption", { grade: g })}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-section" className={label}>
            {t("inbox.section")}
          </label>
          <select id="f-section" name="section" defaultValue={filters.section ?? ""} className={controlClasses}>
            <option value="">{t("inbox.any")}</option>
            {sectionNames.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-sex" className={label}>
            {t("inbox.sex")}
          </label>
          <select id="f-sex" name="sex" defaultValue={filters.sex ?? ""} className={controlClasses}>
            <option value="">{t("inbox.any")}</option>
            <option value="F">{t("sex.F")}</option>
            <option value="M">{t("sex.M")}</option>
          </select>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClasses("primary")}>
            {t("inbox.apply")}
          </button>
          <Link href="/alerts" className={buttonClasses("ghost")}>
            {t("inbox.clear")}
          </Link>
        </div>
      </form>
    </FilterDisclosure>
  );
}
