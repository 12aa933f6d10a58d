import { PendingLink } from "@/components/nav/pending-link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import type { SectionOption } from "@/lib/attendance/queries";
import { sectionKey, type TSectionRef } from "@/lib/attendance/schema";

/** Today's sections as one-tap links, each saying whether its attendance is already saved. */
export async function TodaySections({ sections, multiSchool }: { sections: SectionOption[]; multiSchool: boolean }) {
  const t = await getTranslations("attendance");
  return (
    <ul className="grid gap-2 sm:grid-cols-2" data-testid="today-sections">
      {sections.map((s) => (
        <li key={sectionKey(s)}>
          <PendingLink
            href={`/attendance?sec=${encodeURIComponent(sectionKey(s))}`}
            data-saved={s.savedOnDay ? "true" : "false"}
            className="flex min-h-12 items-center justify-between gap-3 rounded-lg border border-slate-300 bg-white px-3 py-2 text-teal-900 hover:bg-slate-50"
          >
            <span>
              <span className="font-semibold underline underline-offset-2">
                {multiSchool
                  ? t("sectionLinkSchool", { school: s.schoolName, grade: s.grade, section: s.section })
                  : t("sectionLink", { grade: s.grade, section: s.section })}
              </span>
              <span className="block text-sm text-slate-700">{t("sectionStudents", { count: s.students })}</span>
            </span>
            <span
              className={`shrink-0 rounded px-2 py-0.5 text-sm font-medium ${s.savedOnDay ? "bg-emerald-100 text-emerald-900" : "bg-slate-100 text-slate-800"}`}
            >
              {s.savedOnDay ? `✓ ${t("sectionSaved")}` : t("sectionPending")}
            </span>
          </PendingLink>
        </li>
      ))}
    </ul>
  );
}

/** Any section and day (a correction of an earlier day): a plain GET form, works without script. */
export async function OtherDayForm({
  sections,
  multiSchool,
  current,
  date,
  today,
}: {
  sections: SectionOption[];
  multiSchool: boolean;
  current: TSectionRef | null;
  date: string;
  today: string;
}) {
  const t = await getTranslations("attendance");
  return (
    <form method="get" action="/attendance" className="space-y-3">
      <fieldset className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <legend className="sr-only">{t("pickLegend")}</legend>
        <label className="grid gap-1 text-sm font-medium">
          {t("sectionLabel")}
          <select name="sec" required defaultValue={current ? sectionKey(current) : ""} className={controlClasses}>
            <option value="" disabled>
              {t("sectionPlaceholder")}
            </option>
            {sections.map((s) => (
              <option key={sectionKey(s)} value={sectionKey(s)}>
                {multiSchool
                  ? t("sectionOptionSchool", {
                      school: s.schoolName,
                      grade: s.grade,
                      section: s.section,
                      count: s.students,
                    })
                  : t("sectionOption", { grade: s.grade, section: s.section, count: s.students })}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm font-medium">
          {t("dateLabel")}
          <input
            type="date"
            name="date"
            required
            max={today}
            defaultValue={date}
            aria-describedby="date-help"
            className={controlClasses}
          />
        </label>
        <button type="submit" className={buttonClasses("primary")}>
          {t("open")}
        </button>
      </fieldset>
      <p id="date-help" className="text-xs text-slate-600">
        {t("dateHelp")}
      </p>
    </form>
  );
}
