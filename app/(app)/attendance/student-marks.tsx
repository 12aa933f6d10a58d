"use client";

import { useTranslations } from "next-intl";
import { ATTENDANCE_MARKS, STATUS_FIELD_PREFIX, type AttendanceMark } from "@/lib/attendance/marks";

const ROW: Record<AttendanceMark, string> = {
  PRESENT: "border-slate-200 bg-white",
  UNJUSTIFIED: "border-red-600 bg-red-50",
  JUSTIFIED: "border-amber-500 bg-amber-50",
  LATE: "border-sky-700 bg-sky-50",
};
// Chosen: solid colours with at least 4.5:1 for their text (sky-700, not sky-600, under white).
const CHOSEN: Record<AttendanceMark, string> = {
  PRESENT: "has-[:checked]:border-emerald-700 has-[:checked]:bg-emerald-700 has-[:checked]:text-white",
  UNJUSTIFIED: "has-[:checked]:border-red-700 has-[:checked]:bg-red-700 has-[:checked]:text-white",
  JUSTIFIED: "has-[:checked]:border-amber-400 has-[:checked]:bg-amber-400 has-[:checked]:text-black",
  LATE: "has-[:checked]:border-sky-700 has-[:checked]:bg-sky-700 has-[:checked]:text-white",
};

type Props = {
  id: string;
  name: string;
  status: AttendanceMark;
  onChange: (id: string, status: AttendanceMark) => void;
};

/**
 * One student: the name and the four statuses as one tap each (radio buttons, so arrow keys and
 * screen readers work as for any choice). The radios are real form fields: a sheet saved before
 * the page is interactive posts what was tapped.
 */
export function StudentMarks({ id, name, status, onChange }: Props) {
  const t = useTranslations("attendance");
  return (
    <fieldset data-student-id={id} data-status={status} className={`rounded-lg border-2 px-2 pb-2 ${ROW[status]}`}>
      <legend className="float-left w-full pb-1 pt-2 font-medium text-slate-900">{name}</legend>
      <div className="clear-left grid grid-cols-4 gap-1">
        {ATTENDANCE_MARKS.map((mark) => (
          <label
            key={mark}
            data-mark={mark}
            className={`flex min-h-11 cursor-pointer items-center justify-center rounded-md border border-slate-300 bg-white px-1 text-center text-sm font-medium leading-tight text-slate-800 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-700 ${CHOSEN[mark]}`}
          >
            <input
              type="radio"
              name={`${STATUS_FIELD_PREFIX}${id}`}
              value={mark}
              checked={status === mark}
              onChange={() => onChange(id, mark)}
              className="sr-only"
            />
            {t(`choice.${mark}`) === t(`status.${mark}`) ? (
              t(`status.${mark}`)
            ) : (
              // Short on screen ("Falta"), whole for screen readers ("Falta injustificada").
              <>
                <span aria-hidden="true">{t(`choice.${mark}`)}</span>
                <span className="sr-only">{t(`status.${mark}`)}</span>
              </>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
