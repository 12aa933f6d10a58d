import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CardSection } from "@/components/ui/card";
import { alertReason } from "@/lib/alerts/reason";
import { ATTENDANCE_MARKS } from "@/lib/attendance/schema";
import { formatDateTime, formatDay } from "@/lib/format/date";
import type { StudentOverview } from "@/lib/students/student-overview";

const STATUS_TONE = {
  UNJUSTIFIED: "bg-red-100 text-red-900",
  JUSTIFIED: "bg-amber-100 text-amber-950",
  LATE: "bg-sky-100 text-sky-900",
} as const;

/** The student's recent attendance, alerts and cases, each shown only to roles that may read it. */
export async function StudentOverviewSections({ overview }: { overview: StudentOverview }) {
  const [t, ta, tat, tc, locale] = await Promise.all([
    getTranslations("students.overview"),
    getTranslations("alerts"),
    getTranslations("attendance"),
    getTranslations("cases"),
    getLocale(),
  ]);
  const { attendance, alerts, cases } = overview;
  return (
    <>
      {attendance ? (
        <CardSection id="student-attendance" title={t("attendanceTitle")}>
          <p className="text-sm text-slate-700">
            {t("attendanceSince", { date: formatDay(attendance.from), days: attendance.days })}
          </p>
          <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="student-attendance-counts">
            {ATTENDANCE_MARKS.map((m) => (
              <div key={m} className="rounded border border-slate-200 p-2">
                <dt className="text-xs text-slate-600">{tat(`status.${m}`)}</dt>
                <dd className="text-xl font-semibold tabular-nums">{attendance.counts[m]}</dd>
              </div>
            ))}
          </dl>
          {attendance.recent.length === 0 ? (
            <p className="mt-3 text-sm">{t("attendanceNone")}</p>
          ) : (
            <>
              <h3 className="mt-3 text-sm font-semibold">{t("recentTitle")}</h3>
              <ul className="mt-1 flex flex-wrap gap-2" data-testid="student-recent-absences">
                {attendance.recent.map((r) => (
                  <li key={r.date.toISOString()} className={`rounded px-2 py-1 text-sm ${STATUS_TONE[r.status]}`}>
                    {formatDay(r.date)}: {tat(`status.${r.status}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </CardSection>
      ) : null}
      {alerts ? (
        <CardSection id="student-alerts" title={t("alertsTitle")}>
          {alerts.length === 0 ? (
            <p className="text-sm">{t("alertsNone")}</p>
          ) : (
            <ul className="divide-y divide-slate-200" data-testid="student-alerts">
              {alerts.map((a) => {
                const reason = alertReason(a, locale);
                return (
                  <li key={a.id} className="py-2 first:pt-0">
                    <p className="flex flex-wrap items-center gap-2 font-medium">
                      {ta(`kinds.${a.kind as "CONCERN"}`)}
                      <span
                        className={`rounded px-1.5 py-0.5 text-xs font-semibold ${a.status === "OPEN" ? "bg-red-700 text-white" : "bg-slate-200 text-slate-800"}`}
                      >
                        {t(`alertStatus.${a.status as "OPEN"}`)}
                      </span>
                    </p>
                    {reason.key !== "unknown" ? (
                      <p className="text-sm">{ta(`reason.${reason.key as "consecutive"}`, reason.values)}</p>
                    ) : null}
                    <p className="text-xs text-slate-600">{t("raisedOn", { date: formatDateTime(a.createdAt) })}</p>
                  </li>
                );
              })}
            </ul>
          )}
        </CardSection>
      ) : null}
      {cases ? (
        <CardSection id="student-cases" title={t("casesTitle")}>
          {cases.length === 0 ? (
            <p className="text-sm">{t("casesNone")}</p>
          ) : (
            <ul className="flex flex-col gap-2" data-testid="student-cases">
              {cases.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center gap-2">
                  <Link
                    prefetch={false}
                    href={`/cases/${c.id}`}
                    className="font-medium text-teal-800 underline underline-offset-2"
                  >
                    {t("caseLink", { date: formatDay(c.openedAt) })}
                  </Link>
                  <span className="text-sm text-slate-700">
                    {tc(`states.${c.state as "OPEN"}`)}
                    {c.closedAt ? ` · ${t("caseClosed", { date: formatDay(c.closedAt) })}` : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardSection>
      ) : null}
    </>
  );
}
