import type { ReactNode } from "react";

// Figures as a description list: each label (dt) names its number (dd) for screen readers.
// `data-value` carries the raw shown value so tests need not parse locale formatting.

export function StatGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <dl aria-label={label} className="grid grid-cols-1 gap-3 min-[480px]:grid-cols-2 lg:grid-cols-3">
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
    <div data-testid={testId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd data-value={value} className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">
        {srText ? (
          <>
            <span aria-hidden="true">{display}</span>
            <span className="sr-only">{srText}</span>
          </>
        ) : (
          display
        )}
      </dd>
      {hint ? <dd className="mt-1 text-sm text-slate-600">{hint}</dd> : null}
    </div>
  );
}
