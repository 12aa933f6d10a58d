import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { activeFilterCount } from "@/lib/lists/params";
import { buttonClasses } from "./button";
import { SelectField } from "./field";
import { FilterDisclosure } from "./filter-disclosure";

export type FilterOption = { value: string | number; label: string };

/** One filter shown as a select whose first option means "no filter". */
export type FilterSelectSpec = {
  name: string;
  label: string;
  value: string | number | undefined;
  options: readonly FilterOption[];
  /** The "no filter" option; "Todos" when absent. */
  anyLabel?: string;
};

type FilterFormProps = {
  label: string;
  clearHref: string;
  selects: readonly FilterSelectSpec[];
  /** Wording of the buttons when "Filtrar" / "Quitar filtros" do not fit the page. */
  applyLabel?: string;
  clearLabel?: string;
  className?: string;
  /** Shown before the selects (e.g. a search box). */
  children?: ReactNode;
};

/**
 * A plain GET form: the filters live in the URL, so a filtered list can be bookmarked and
 * reloaded, and filtering works before (or without) any JavaScript.
 */
export async function FilterForm({
  label,
  clearHref,
  selects,
  applyLabel,
  clearLabel,
  className = "",
  children,
}: FilterFormProps) {
  const t = await getTranslations("common.filters");
  return (
    <form method="get" role="search" aria-label={label} className={`grid gap-3 sm:grid-cols-2 ${className}`}>
      {children}
      {selects.map((s) => (
        <SelectField key={s.name} id={`f-${s.name}`} name={s.name} label={s.label} defaultValue={s.value ?? ""}>
          <option value="">{s.anyLabel ?? t("any")}</option>
          {s.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
      ))}
      <div className="col-span-full flex flex-wrap gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          {applyLabel ?? t("apply")}
        </button>
        <Link prefetch={false} href={clearHref} className={buttonClasses("ghost")}>
          {clearLabel ?? t("clear")}
        </Link>
      </div>
    </form>
  );
}

/** The filter form folded behind its label, open by itself while any filter is in use. */
export function FilterPanel({ filters, ...form }: FilterFormProps & { filters: Record<string, unknown> }) {
  return (
    <FilterDisclosure summary={form.label} activeCount={activeFilterCount(filters)}>
      <FilterForm {...form} />
    </FilterDisclosure>
  );
}

/** The grades and the section names present in a list of sections, for their two selects. */
export function gradeAndSectionValues(sections: readonly { grade: number; section: string }[]) {
  return {
    grades: [...new Set(sections.map((s) => s.grade))].sort((a, b) => a - b),
    sectionNames: [...new Set(sections.map((s) => s.section))].sort(),
  };
}
