import type { ReactNode } from "react";

// Figures as a description list: each label (dt) names its number (dd) for screen readers.
// `data-value` carries the raw shown value so tests need not parse locale formatting.

export function StatGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-3 lg:grid-cols-3">
      {children}
    </dl>
  );
}

export function Stat({
  testId,
  label,
  value,
  display,
  hint,
  srText,
}: {
  testId: string;
  label: string;
  /** Raw value for data-value: a number or "<5". */
  value: string;
  /** Formatted value shown on screen. */
  display: string;
  hint?: string;
  /** Spoken instead of `display` when the symbol would read badly (e.g. "<5"). */
  srText?: string;
}) {
  return (
    <div
      data-testid={testId}
      className="flex flex-col rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4"
    >
      <dt className="text-sm font-medium leading-snug text-slate-600">{label}</dt>
      <dd data-value={value} className="mt-auto pt-1 text-2xl font-semibold tabular-nums text-slate-900 sm:text-3xl">
        {srText ? (
          <>
            <span aria-hidden="true">{display}</span>
            <span className="sr-only">{srText}</span>
          </>
        ) : (
          display
        )}
      </dd>
      {hint ? <dd className="text-sm text-slate-600">{hint}</dd> : null}
    </div>
  );
}
