"use client";

import { useEffect, useRef } from "react";

/** Waits between automatic retries: soon at first, then every minute at most. */
export const RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000] as const;

/**
 * While `waiting` (a save failed for lack of connection and its data is kept), calls `retry`
 * as soon as the browser reports the connection back, and on a widening timer while the page
 * is visible — a phone on one bar may never report "offline" at all.
 */
export function useRetry(waiting: boolean, retry: () => void) {
  const latest = useRef(retry);
  useEffect(() => {
    latest.current = retry;
  });
  useEffect(() => {
    if (!waiting) return;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = () => {
      if (document.visibilityState === "visible" && navigator.onLine) latest.current();
    };
    const schedule = () => {
      timer = setTimeout(() => {
        fire();
        attempt = Math.min(attempt + 1, RETRY_DELAYS_MS.length - 1);
        schedule();
      }, RETRY_DELAYS_MS[attempt]);
    };
    schedule();
    window.addEventListener("online", fire);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("online", fire);
    };
  }, [waiting]);
}
