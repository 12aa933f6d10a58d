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
 */
export function PendingLink({ children, ...props }: ComponentProps<typeof Link>) {
  return (
    <Link {...props}>
      {children}
      <ReportSlowNavigation />
    </Link>
  );
}
