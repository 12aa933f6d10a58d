"use client";

import { useEffect, useRef } from "react";
import type { UseFormReturn } from "react-hook-form";
import { useDraft } from "@/components/offline/use-draft";
import { draftKey, isRecord } from "@/lib/offline/drafts";

export type OutcomeDraft = {
  values: Record<string, string>;
  /** The submission key of the outcome being sent (record-visit-outcome.ts). */
  key: string | null;
  /** When the first attempt was made: the visit's time if the form leaves it blank. */
  at: string | null;
  /** Sent without an answer: sent again by itself when the connection returns. */
  pending: boolean;
};

const orNullString = (v: unknown) => v === null || typeof v === "string";

/** A stored draft as this form wrote it, or null (lib/offline/drafts.ts). */
function readOutcomeDraft(data: unknown): OutcomeDraft | null {
  if (!isRecord(data) || !isRecord(data.values) || typeof data.pending !== "boolean") return null;
  if (!orNullString(data.key) || !orNullString(data.at)) return null;
  if (!Object.values(data.values).every((v) => typeof v === "string")) return null;
  return data as OutcomeDraft;
}

type Values = Record<string, string>;

/**
 * What the outcome form holds, kept on the phone as it is typed and put back into the form
 * when the page opens again, until the server records the outcome.
 */
export function useOutcomeDraft(userId: string, visitId: string, form: UseFormReturn<Values>, start: Values) {
  const [draft, write] = useDraft(draftKey("visita", userId, visitId), readOutcomeDraft);
  const restored = useRef(false);
  const latest = useRef(draft);
  useEffect(() => {
    latest.current = draft;
  });

  useEffect(() => {
    if (!draft || restored.current) return;
    restored.current = true;
    form.reset({ ...start, ...draft.values });
  }, [draft, form, start]);

  useEffect(() => {
    const subscription = form.watch((values) => {
      const typed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : ""]));
      const current = latest.current;
      const blank = Object.entries(typed).every(([k, v]) => v === (start[k] ?? ""));
      if (blank && !current?.pending) write(null);
      else
        write({
          values: typed,
          key: current?.key ?? null,
          at: current?.at ?? null,
          pending: current?.pending ?? false,
        });
    });
    return () => subscription.unsubscribe();
  }, [form, start, write]);

  return {
    draft,
    /** After an attempt without an answer: keep it as pending, with its key and time. */
    markPending: (values: Values, key: string, at: string) => write({ values, key, at, pending: true }),
    clear: () => write(null),
  };
}
