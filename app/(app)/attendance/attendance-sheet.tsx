"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { useLightActionForm } from "@/components/forms/use-light-action-form";
import { postAction } from "@/components/offline/post-action";
import { useDraft } from "@/components/offline/use-draft";
import { useLeaveWarning } from "@/components/offline/use-leave-warning";
import { useRetry } from "@/components/offline/use-retry";
import { Notice } from "@/components/ui/notice";
import { saveAttendanceAction } from "@/lib/attendance/actions";
import type { NonSchoolDay } from "@/lib/attendance/calendar";
import {
  ATTENDANCE_MARKS,
  countMarks,
  isAttendanceMark,
  type AttendanceCounts,
  type AttendanceMark,
} from "@/lib/attendance/marks";
import { formatDateTime } from "@/lib/format/date";
import { draftKey, isRecord, loadDraft } from "@/lib/offline/drafts";
import { SaveBar, type SaveBarState } from "./save-bar";
import { StudentMarks } from "./student-marks";

/** The stored sheet as the server last confirmed it. */
export type SavedNote = { counts: AttendanceCounts; recordedAt: string; recordedBy: string | null };

type Props = {
  userId: string;
  schoolId: string;
  grade: number;
  section: string;
  date: string;
  students: { id: string; name: string; status: AttendanceMark }[];
  saved: SavedNote | null;
  nonSchoolDay: NonSchoolDay | null;
};

type Marks = Map<string, AttendanceMark>;
type MarkList = { studentId: string; status: AttendanceMark }[];

type Draft = {
  marks: Record<string, AttendanceMark>;
  /** A save was attempted and did not reach the server: it is sent again by itself. */
  pending: boolean;
  confirmed: boolean;
};

/** A stored draft as this sheet wrote it, or null (lib/offline/drafts.ts). */
function readDraft(data: unknown): Draft | null {
  if (!isRecord(data) || !isRecord(data.marks)) return null;
  if (typeof data.pending !== "boolean" || typeof data.confirmed !== "boolean") return null;
  if (!Object.values(data.marks).every(isAttendanceMark)) return null;
  return data as Draft;
}

const sameMarks = (a: Marks, b: Marks) => a.size === b.size && [...a].every(([id, s]) => b.get(id) === s);
const withDraft = (base: Marks, draft: Draft | null): Marks => {
  const marks = new Map(base);
  for (const [id, status] of Object.entries(draft?.marks ?? {})) if (marks.has(id)) marks.set(id, status);
  return marks;
};

/**
 * A section's attendance for one day. Every tap is kept at once as a draft on the phone
 * (lib/offline/drafts.ts) until the server confirms the save, so a reload, a closed tab or a
 * lost connection loses nothing. A save that finds no connection keeps the marks on screen, says
 * so beside the button and is sent again when the connection returns; the save is idempotent,
 * so a repeat after a lost answer changes nothing.
 */
export function AttendanceSheetForm({ userId, schoolId, grade, section, date, students, saved, nonSchoolDay }: Props) {
  const t = useTranslations("attendance");
  const initial = useMemo<Marks>(() => new Map(students.map((s) => [s.id, s.status])), [students]);
  // What the server holds, as far as this page knows: the page's data, then each confirmed save.
  const [stored, setStored] = useState<{ marks: Marks; note: SavedNote } | null>(() =>
    saved ? { marks: initial, note: saved } : null,
  );
  const base = stored?.marks ?? initial;
  const key = draftKey("asistencia", userId, `${schoolId}:${grade}:${section}:${date}`);
  const [rawDraft, writeDraft] = useDraft(key, readDraft);
  // A draft equal to what is stored is the trace of a save whose answer was lost: it arrived.
  const draft = rawDraft && !rawDraft.pending && sameMarks(withDraft(base, rawDraft), base) ? null : rawDraft;
  const marks = withDraft(base, draft);
  const waiting = draft?.pending ?? false;
  // Confirmed here, or by the tap that made a draft still waiting to be sent.
  const [confirmedHere, setConfirmedHere] = useState(false);
  const confirmed = confirmedHere || (draft?.confirmed ?? false);
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (rawDraft && !draft) writeDraft(null);
  }, [rawDraft, draft, writeDraft]);

  const unsaved = draft !== null;
  useLeaveWarning(unsaved, t("leaveWarning"));

  const keep = (next: Marks, flags: { pending: boolean; confirmed: boolean }) =>
    writeDraft(sameMarks(next, base) && !flags.pending ? null : { marks: Object.fromEntries(next), ...flags });

  const f = useLightActionForm<Record<string, never>, SavedNote>({
    schema: () => import("@/lib/attendance/schema").then((m) => m.ZSaveAttendanceSchema),
    action: async (input) => {
      const sent = new Map((input.marks as MarkList).map((m) => [m.studentId, m.status]));
      const result = await postAction<SavedNote>("/attendance/save", input, t("failedNetwork"));
      // The draft as it is now: taps made while the save was on its way are in it.
      const current = loadDraft(key, readDraft);
      if (result.ok) {
        setStored({ marks: sent, note: result.data });
        const now = withDraft(sent, current);
        writeDraft(sameMarks(now, sent) ? null : { marks: Object.fromEntries(now), pending: false, confirmed });
      } else if (result.code === "NETWORK") {
        const now = withDraft(sent, current);
        writeDraft({ marks: Object.fromEntries(now), pending: true, confirmed: Boolean(input.confirmNonSchoolDay) });
      } else {
        if (result.fieldErrors.confirmNonSchoolDay) setConfirming(true);
        if (current?.pending) writeDraft({ ...current, pending: false });
      }
      return result;
    },
    defaultValues: {},
    bound: {
      schoolId,
      grade,
      section,
      date,
      marks: [...marks].map(([studentId, status]) => ({ studentId, status })),
      confirmNonSchoolDay: confirmed,
    },
  });

  // The latest submit, for the retry timer and for the confirmation (its flag lands next render).
  const submit = useRef(f.onSubmit);
  useEffect(() => {
    submit.current = f.onSubmit;
  });
  const [sendAfterConfirm, setSendAfterConfirm] = useState(0);
  useEffect(() => {
    if (sendAfterConfirm > 0) void submit.current();
  }, [sendAfterConfirm]);
  const retry = useCallback(() => void submit.current(), []);
  useRetry(waiting && !f.pending, retry);

  const onSubmit = async (event: FormEvent) => {
    // Saving a day without classes makes it a school day: ask first (the server asks too).
    if (nonSchoolDay && !stored && !confirmed) {
      event.preventDefault();
      setConfirming(true);
      return;
    }
    await f.onSubmit(event);
  };
  const setStatus = (id: string, status: AttendanceMark) => {
    setTouched(true);
    keep(new Map(marks).set(id, status), { pending: waiting, confirmed });
  };

  const summary = (counts: AttendanceCounts) =>
    ATTENDANCE_MARKS.filter((s) => s === "PRESENT" || counts[s] > 0)
      .map((s) => t(`counts.${s}`, { count: counts[s] }))
      .join(", ");
  const refused = f.result && !f.result.ok && f.result.code !== "NETWORK" ? f.result : null;
  const changed = !sameMarks(marks, base);
  let bar: SaveBarState;
  if (f.pending) bar = { kind: "saving" };
  else if (confirming) bar = { kind: "confirm" };
  else if (waiting) bar = { kind: "waiting" };
  else if (refused && (changed || !stored)) bar = { kind: "refused", message: refused.message };
  else if (changed) bar = { kind: "unsaved", summary: summary(countMarks(marks.values())) };
  else if (stored) {
    const at = formatDateTime(new Date(stored.note.recordedAt));
    const note = stored.note.recordedBy ? t("savedBy", { at, name: stored.note.recordedBy }) : t("savedAt", { at });
    bar = { kind: "saved", summary: summary(stored.note.counts), note };
  } else bar = { kind: "notSaved" };

  return (
    <ActionForm form={{ action: saveAttendanceAction, bound: f.bound, onSubmit }} aria-labelledby="sheet-heading">
      {unsaved && !touched ? (
        <div className="mb-3">
          <Notice>{waiting ? t("restoredPending") : t("restored")}</Notice>
        </div>
      ) : null}
      <ul className="space-y-2" data-testid="attendance-sheet">
        {students.map((s) => (
          <li key={s.id}>
            <StudentMarks id={s.id} name={s.name} status={marks.get(s.id) ?? "PRESENT"} onChange={setStatus} />
          </li>
        ))}
      </ul>
      <SaveBar
        state={bar}
        disabled={f.pending}
        onRetry={retry}
        onConfirm={() => {
          setConfirming(false);
          setConfirmedHere(true);
          setSendAfterConfirm((n) => n + 1);
        }}
        onCancel={() => setConfirming(false)}
      />
    </ActionForm>
  );
}
