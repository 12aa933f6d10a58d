import { PendingLink } from "@/components/nav/pending-link";
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

/**
 * One figure. With `link`, the whole card opens the list of what it counts: the link text
 * ("Ver la lista") is visible, and its name repeats the figure for screen-reader link lists.
 */
export function Stat({
  testId,
  label,
  value,
  display,
  hint,
  srText,
  link,
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
  link?: { href: string; text: string; name: string };
}) {
  return (
    <div
      data-testid={testId}
      className="relative flex flex-col rounded-lg border border-slate-200 bg-white p-3 shadow-sm has-[a:hover]:border-teal-700 has-[a:focus-visible]:outline has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-teal-700 sm:p-4"
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
      {link ? (
        <dd className="mt-1 text-sm">
          <PendingLink
            href={link.href}
            aria-label={link.name}
            className="font-medium text-teal-800 underline underline-offset-2 outline-none after:absolute after:inset-0 after:rounded-lg"
          >
            {link.text}
            <span aria-hidden="true"> →</span>
          </PendingLink>
        </dd>
      ) : null}
    </div>
  );
}
