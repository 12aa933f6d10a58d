import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { FilterDisclosure } from "@/components/ui/filter-disclosure";
import type { CaseTeamMember } from "@/lib/cases/queries";
import type { TCaseListFilters } from "@/lib/cases/schema";
import { CASE_STATES } from "@/lib/cases/transitions";

const GRADES = [1, 2, 3, 4, 5, 6];

/** A plain GET form: the filters live in the URL. */
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
  const label = "text-sm font-medium text-slate-800";
  const active = Object.entries(filters).filter(([key, v]) => key !== "page" && v !== undefined && v !== "").length;
  return (
    <FilterDisclosure summary={t("list.filters")} activeCount={active}>
      <form
        method="get"
        role="search"
        aria-label={t("list.filters")}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="f-state" className={label}>
            {t("list.state")}
          </label>
          <select id="f-state" name="state" defaultValue={filters.state ?? ""} className={controlClasses}>
            <option value="">{t("list.any")}</option>
            {CASE_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-assignee" className={label}>
            {t("list.assignee")}
          </label>
          <select id="f-assignee" name="assignee" defaultValue={filters.assignee ?? ""} className={controlClasses}>
            <option value="">{t("list.any")}</option>
            {showMine ? <option value="me">{t("list.mine")}</option> : null}
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-grade" className={label}>
            {t("list.grade")}
          </label>
          <select id="f-grade" name="grade" defaultValue={filters.grade ?? ""} className={controlClasses}>
            <option value="">{t("list.any")}</option>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {t("list.gradeOption", { grade: g })}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-sex" className={label}>
            {t("list.sex")}
          </label>
          <select id="f-sex" name="sex" defaultValue={filters.sex ?? ""} className={controlClasses}>
            <option value="">{t("list.any")}</option>
            <option value="F">{t("sex.F")}</option>
            <option value="M">{t("sex.M")}</option>
          </select>
        </div>
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-4">
          <button type="submit" className={buttonClasses("primary")}>
            {t("list.apply")}
          </button>
          <Link href="/cases" className={buttonClasses("ghost")}>
            {t("list.clear")}
          </Link>
        </div>
      </form>
    </FilterDisclosure>
  );
}
