"use client";

import { buttonClasses } from "@/components/ui/button";

/** Opens the browser's print dialog (the page has a print stylesheet). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={buttonClasses("primary")} onClick={() => window.print()}>
      {label}
    </button>
  );
}
