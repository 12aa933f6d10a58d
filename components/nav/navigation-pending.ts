"use client";

import { useSyncExternalStore } from "react";

// How many links are navigating slowly right now (PendingLink reports them), for the skeleton
// that replaces the page while the next one loads (MainContent).

let slow = 0;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function beginSlowNavigation(): () => void {
  slow += 1;
  emit();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    slow -= 1;
    emit();
  };
}

export function useSlowNavigation(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => slow > 0,
    () => false,
  );
}
