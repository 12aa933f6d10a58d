"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useSlowNavigation } from "./navigation-pending";

/**
 * The page, or — while a link's page is slow to arrive — grey blocks in the shape of a page.
 * Not loading.tsx: a streamed loading boundary commits the response as 200 before the page
 * runs, so an out-of-scope record would no longer answer 404, and a browser without
 * JavaScript would keep the skeleton (docs/decisions/019-field-ready.md).
 */
export function MainContent({ children }: { children: ReactNode }) {
  const slow = useSlowNavigation();
  const t = useTranslations("common");
  const bar = "animate-pulse rounded-md bg-slate-200";
  return (
    <>
      <div hidden={slow}>{children}</div>
      {slow ? (
        <div role="status" aria-live="polite" aria-busy="true" data-testid="page-skeleton" className="space-y-4">
          <span className="sr-only">{t("loading")}</span>
          <div className={`${bar} h-8 w-2/3 max-w-sm`} />
          <div className={`${bar} h-4 w-1/2 max-w-xs`} />
          <ul className="space-y-2">
            {[0, 1, 2, 3, 4].map((i) => (
              <li key={i} className={`${bar} h-16`} />
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
