"use client";

import Link, { useLinkStatus } from "next/link";
import { useEffect, type ComponentProps } from "react";
import { beginSlowNavigation } from "./navigation-pending";

/** Past this, a navigation is slow enough to show the skeleton (a fast one would only flicker). */
const SLOW_AFTER_MS = 150;

function ReportSlowNavigation() {
  const { pending } = useLinkStatus();
  useEffect(() => {
    if (!pending) return;
    let end: (() => void) | undefined;
    const timer = setTimeout(() => (end = beginSlowNavigation()), SLOW_AFTER_MS);
    return () => {
      clearTimeout(timer);
      end?.();
    };
  }, [pending]);
  return null;
}

/**
 * A Link that shows the page skeleton while its page takes long to arrive (Next's useLinkStatus).
 * Used for the links that open whole pages: the menu, home figures, lists to their records.
 *
 * Not prefetched (unless a caller asks): every page here is dynamic, so a prefetch brings only
 * the route's outline (~370 bytes), and the page's data still comes on the click. Yet each link
 * in view sent one: 10–28 requests per list page on a phone, each ~8–10 ms of server CPU
 * (a list's 25 rows cost the server about five page views). Decision 017, item 32.
 */
export function PendingLink({ children, prefetch = false, ...props }: ComponentProps<typeof Link>) {
  return (
    <Link prefetch={prefetch} {...props}>
      {children}
      <ReportSlowNavigation />
    </Link>
  );
}
