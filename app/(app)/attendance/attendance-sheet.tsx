"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveAttendanceAction } from "@/lib/attendance/actions";
import {
  ATTENDANCE_CYCLE,
  countMarks,
  nextAttendanceStatus,
  type AttendanceCounts,
  type AttendanceMark,
} from "@/lib/attendance/marks";

type Props = {
  schoolId: string;
  grade: number;
  section: string;
  date: string;
  students: { id: string; name: string; status: AttendanceMark }[];
  saved: { counts: AttendanceCounts; note: string } | null;
};

const STYLE: Record<AttendanceMark, string> = {
  PRESENT: "border-slate-200 bg-white",
  UNJUSTIFIED: "border-red-400 bg-red-50",
  JUSTIFIED: "border-amber-400 bg-amber-50",
  LATE: "border-sky-400 bg-sky-50",
};
const BADGE: Record<AttendanceMark, string> = {
  PRESENT: "bg-emerald-100 text-emerald-900",
  UNJUSTIFIED: "bg-red-600 text-white",
  JUSTIFIED: "bg-amber-500 text-black",
  LATE: "bg-sky-600 text-white",
};

/**
 * One big button per student (tap cycles the status) and one submit that saves the section.
 * The marks are the sheet's own state, sent as bound values; there are no typed fields.
 */
export function AttendanceSheetForm({ schoolId, grade, section, date, students, saved }: Props) {
  const t = useTranslations("attendance");
  const [statuses, setStatuses] = useState(() => new Map(students.map((s) => [s.id, s.status])));

  const summary = (counts: AttendanceCounts) =>
    ATTENDANCE_CYCLE.filter((s) => s === "PRESENT" || counts[s] > 0)
      .map((s) => t(`counts.${s}`, { count: counts[s] }))
      .join(", ");
  const current = countMarks(statuses.values());
  const dirty = students.some((s) => statuses.get(s.id) !== s.status) || !saved;
  const marks = [...statuses].map(([studentId, status]) => ({ studentId, status }));
  const f = useActionForm({
    schema: () => import("@/lib/attendance/schema").then((m) => m.ZSaveAttendanceSchema),
    action: saveAttendanceAction,
    defaultValues: {},
    bound: { schoolId, grade, section, date, marks },
  });
  const refused = f.result && !f.result.ok ? f.result : null;

  let message: string;
  let note: string | null = null;
  if (refused) message = refused.message;
  else if (saved) [message, note] = [t("saved", { summary: summary(saved.counts) }), saved.note];
  else message = t("notSavedYet");

  return (
    <ActionForm form={f}>
      <p
        role="status"
        aria-live="polite"
        data-testid="attendance-status"
        className={`mb-3 rounded p-2 text-sm ${refused ? "bg-red-50 text-red-800" : saved ? "bg-emerald-50 text-emerald-900" : "bg-slate-100"}`}
      >
        {message}
        {note && <span className="block text-xs">{note}</span>}
      </p>

      <ul className="space-y-2">
        {students.map((s) => {
          const status = statuses.get(s.id) ?? "PRESENT";
          return (
            <li key={s.id}>
              <button
                type="button"
                aria-pressed={status !== "PRESENT"}
                aria-label={t("studentButton", { name: s.name, status: t(`status.${status}`) })}
                data-status={status}
                data-student-id={s.id}
                onClick={() => setStatuses((prev) => new Map(prev).set(s.id, nextAttendanceStatus(status)))}
                className={`flex min-h-12 w-full items-center justify-between gap-3 rounded-lg border-2 px-3 py-2 text-left focus:outline-none focus-visible:ring-4 focus-visible:ring-blue-500 ${STYLE[status]}`}
              >
                <span className="font-medium">{s.name}</span>
                <span
                  className={`shrink-0 rounded px-2 py-1 text-sm font-semibold ${BADGE[status]}`}
                  aria-hidden="true"
                >
                  <span className="sm:hidden">{t(`statusShort.${status}`)}</span>
                  <span className="hidden sm:inline">{t(`status.${status}`)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>

      <div className="fixed inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white/95 p-3 shadow-lg">
        <div className="mx-auto flex max-w-2xl items-center justify-between gap-3">
          <p className="text-xs text-slate-700" aria-hidden="true">
            {t("tally", { summary: summary(current) })}
            {dirty && <span className="block font-medium text-amber-800">{t("unsaved")}</span>}
          </p>
          <button
            type="submit"
            disabled={f.pending}
            className="min-h-12 shrink-0 rounded-lg bg-teal-700 px-6 text-lg font-semibold text-white disabled:opacity-60"
          >
            {f.pending ? t("saving") : t("save")}
          </button>
        </div>
      </div>
    </ActionForm>
  );
}
