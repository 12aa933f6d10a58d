import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { findAttendanceSections, getAttendanceSheet } from "@/lib/attendance/queries";
import { parseSectionKey, sectionKey, ZIsoDay } from "@/lib/attendance/schema";
import { formatDateTime, formatDay, dayFromIso, todayInLima } from "@/lib/format/date";
import { buttonClasses } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { AttendanceSheetForm } from "./attendance-sheet";

type Props = { searchParams: Promise<{ sec?: string; date?: string }> };

export default async function AttendancePage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "attendance.write")) notFound();
  const t = await getTranslations("attendance");
  const params = await searchParams;

  const today = todayInLima();
  const dateOk = params.date === undefined || ZIsoDay.safeParse(params.date).success;
  const date = params.date && dateOk ? params.date : today;
  const isFuture = date > today;
  const ref = parseSectionKey(params.sec);
  const sections = await findAttendanceSections(user);
  const multiSchool = new Set(sections.map((s) => s.schoolId)).size > 1;
  const sheet = ref && !isFuture ? await getAttendanceSheet(user, ref, date) : null;
  if (ref && !isFuture && !sheet) notFound();

  return (
    <div className="mx-auto max-w-2xl space-y-4 pb-28">
      <PageHeader
        title={t("takeTitle")}
        actions={
          can(user.role, "attendance.import") ? (
            <Link href="/attendance/import" className={buttonClasses("secondary")}>
              {t("importLink")}
            </Link>
          ) : undefined
        }
      />

      {sections.length === 0 ? (
        <p>{t("noSections")}</p>
      ) : (
        <form method="get" className="space-y-3 rounded-lg border border-slate-200 bg-white p-3">
          <fieldset className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end">
            <legend className="sr-only">{t("pickLegend")}</legend>
            <label className="grid gap-1 text-sm font-medium">
              {t("sectionLabel")}
              <select name="sec" required defaultValue={ref ? sectionKey(ref) : ""} className={controlClasses}>
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
      )}

      {!dateOk && <Notice>{t("invalidDate")}</Notice>}
      {isFuture && <Notice tone="error">{t("futureDate")}</Notice>}

      {sheet && (
        <section aria-labelledby="sheet-heading" className="space-y-2">
          <h2 id="sheet-heading" className="text-lg font-semibold">
            {t("sheetHeading", {
              grade: sheet.ref.grade,
              section: sheet.ref.section,
              date: formatDay(dayFromIso(date)),
            })}
          </h2>
          <p className="text-sm text-slate-700">{t("tapHint")}</p>
          {date < today && <p className="text-sm text-amber-800">{t("pastDay")}</p>}
          <AttendanceSheetForm
            key={`${sectionKey(sheet.ref)}:${date}`}
            schoolId={sheet.ref.schoolId}
            grade={sheet.ref.grade}
            section={sheet.ref.section}
            date={date}
            students={sheet.students}
            saved={
              sheet.saved
                ? {
                    counts: sheet.saved.counts,
                    note: sheet.saved.recordedBy
                      ? t("savedBy", { at: formatDateTime(sheet.saved.recordedAt), name: sheet.saved.recordedBy })
                      : t("savedAt", { at: formatDateTime(sheet.saved.recordedAt) }),
                  }
                : null
            }
          />
        </section>
      )}
    </div>
  );
}
