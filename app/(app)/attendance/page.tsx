import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { findAttendanceSections, getAttendanceSheet } from "@/lib/attendance/queries";
import { parseSectionKey, ZIsoDay } from "@/lib/attendance/schema";
import { dayFromIso, formatDay, todayInLima } from "@/lib/format/date";
import { KeepPageOffline } from "@/components/offline/keep-page-offline";
import { AttendanceSheetForm } from "./attendance-sheet";
import { OtherDayForm, TodaySections } from "./section-picker";

type Props = { searchParams: Promise<{ sec?: string; date?: string }> };

export const generateMetadata = titleFrom("attendance", "title");

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
  const sections = await findAttendanceSections(user, today);
  const multiSchool = new Set(sections.map((s) => s.schoolId)).size > 1;
  const sheet = ref && !isFuture ? await getAttendanceSheet(user, ref, date) : null;
  if (ref && !isFuture && !sheet) notFound();
  const notices = (
    <>
      {!dateOk && <Notice>{t("invalidDate")}</Notice>}
      {isFuture && <Notice tone="error">{t("futureDate")}</Notice>}
    </>
  );

  if (!sheet) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <PageHeader
          title={t("takeTitle")}
          actions={
            can(user.role, "attendance.import") ? (
              <Link prefetch={false} href="/attendance/import" className={buttonClasses("secondary")}>
                {t("importLink")}
              </Link>
            ) : undefined
          }
        />
        {notices}
        {sections.length === 0 ? (
          <p>{t("noSections")}</p>
        ) : (
          <>
            <section aria-labelledby="today-heading" id="hoy" className="space-y-2">
              <h2 id="today-heading" className="text-lg font-semibold">
                {t("todayHeading", { date: formatDay(dayFromIso(today)) })}
              </h2>
              <p className="text-sm text-slate-700">{t("todayHelp")}</p>
              <TodaySections sections={sections} multiSchool={multiSchool} />
            </section>
            <section aria-labelledby="other-day-heading" className="rounded-lg border border-slate-200 bg-white p-3">
              <h2 id="other-day-heading" className="mb-2 font-semibold">
                {t("otherDay")}
              </h2>
              <OtherDayForm sections={sections} multiSchool={multiSchool} current={ref} date={date} today={today} />
            </section>
          </>
        )}
      </div>
    );
  }

  const school = multiSchool ? sections.find((s) => s.schoolId === sheet.ref.schoolId)?.schoolName : null;
  const off = sheet.nonSchoolDay;
  return (
    // Room under the list for the save bar fixed at the bottom.
    <div className="mx-auto max-w-2xl space-y-3 pb-44">
      <header>
        <h1 id="sheet-heading" className="text-2xl font-semibold text-slate-900">
          {t("sheetTitle", { grade: sheet.ref.grade, section: sheet.ref.section })}
        </h1>
        <p className="text-sm text-slate-700">
          {formatDay(dayFromIso(date))}
          {school ? ` · ${school}` : null}
        </p>
      </header>
      <details className="rounded-lg border border-slate-200 bg-white">
        <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium text-teal-900 underline underline-offset-2">
          {t("change")}
        </summary>
        <div className="border-t border-slate-200 p-3">
          <OtherDayForm sections={sections} multiSchool={multiSchool} current={sheet.ref} date={date} today={today} />
        </div>
      </details>
      {notices}
      {off ? (
        <Notice>
          <p className="font-semibold" data-testid="non-school-day">
            {off.kind === "HOLIDAY"
              ? t("nonSchoolDay.HOLIDAY", { name: off.name ?? "" })
              : t("nonSchoolDay.WEEKEND", { weekday: String(off.weekday) })}
          </p>
          <p>{t("nonSchoolDayHint")}</p>
        </Notice>
      ) : null}
      {date < today && <p className="text-sm text-amber-900">{t("pastDay")}</p>}
      <p className="text-sm text-slate-700">{t("tapHint")}</p>
      <KeepPageOffline />
      <AttendanceSheetForm
        key={`${params.sec}:${date}`}
        userId={user.id}
        schoolId={sheet.ref.schoolId}
        grade={sheet.ref.grade}
        section={sheet.ref.section}
        date={date}
        students={sheet.students}
        nonSchoolDay={off}
        saved={
          sheet.saved
            ? {
                counts: sheet.saved.counts,
                recordedAt: sheet.saved.recordedAt.toISOString(),
                recordedBy: sheet.saved.recordedBy,
              }
            : null
        }
      />
    </div>
  );
}
