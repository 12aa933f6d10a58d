import type { ReactNode } from "react";

/**
 * A table that may be wider than a phone: it scrolls sideways inside its own frame, which is
 * focusable and named so a keyboard can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline focus-visible:outline-2 focus-visible:outline-teal-700"
    >
      <table className="w-full border-collapse text-left text-sm">{children}</table>
    </div>
  );
}

export const thClass = "border-b border-slate-200 bg-slate-100 p-2 font-semibold";
export const tdClass = "border-b border-slate-100 p-2 align-top";
