/**
 * Filters folded behind one line, so on a phone the list comes first. Open by itself when a
 * filter is in use, so the user sees why the list is shorter. No client JavaScript.
 */
export function FilterDisclosure({
  summary,
  activeCount,
  children,
}: {
  summary: string;
  activeCount: number;
  children: React.ReactNode;
}) {
  return (
    <details open={activeCount > 0} className="rounded-lg border border-slate-200 bg-white">
      <summary className="flex min-h-11 cursor-pointer items-center px-4 text-sm font-medium text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700">
        {summary}
        {activeCount > 0 ? ` (${activeCount})` : ""}
        <span aria-hidden="true" className="ml-auto text-slate-500">
          ▾
        </span>
      </summary>
      <div className="border-t border-slate-200 p-4">{children}</div>
    </details>
  );
}
