"use client";

import { useCallback, useMemo, useSyncExternalStore } from "react";
import { deviceStore, dropDraft, parseDraft, storeDraft, type DraftCheck } from "@/lib/offline/drafts";

const listeners = new Set<() => void>();

function readRaw(key: string): string | null {
  try {
    return deviceStore()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  // Another tab of the same app changed the draft.
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

/**
 * A draft kept on the device (lib/offline/drafts.ts) as React state: null while rendering on
 * the server and during hydration, the stored draft from then on. Writing null removes it.
 */
export function useDraft<T>(key: string, check: DraftCheck<T>): [T | null, (data: T | null) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => readRaw(key),
    () => null,
  );
  const draft = useMemo(() => parseDraft(raw, check), [raw, check]);
  const write = useCallback(
    (data: T | null) => {
      if (data === null) dropDraft(key);
      else storeDraft(key, data);
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [draft, write];
}
