import type { InputHTMLAttributes, ReactNode } from "react";

// Large radio choices for a phone: the whole row is the tap target (at least 48 px), the
// native radio keeps keyboard and screen-reader behaviour (arrow keys inside the group).

export function ChoiceGroup({
  legend,
  error,
  errorId,
  children,
  columns = 1,
}: {
  legend: ReactNode;
  error?: string;
  errorId: string;
  children: ReactNode;
  columns?: 1 | 2;
}) {
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <div className={columns === 2 ? "grid grid-cols-2 gap-2" : "flex flex-col gap-2"}>{children}</div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function Choice({
  label,
  help,
  ...input
}: { label: ReactNode; help?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-teal-700 has-[:checked]:bg-teal-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-teal-700">
      <input type="radio" className="size-5 shrink-0 accent-teal-700" {...input} />
      <span className="flex flex-col">
        <span className="font-medium text-slate-900">{label}</span>
        {help ? <span className="text-sm text-slate-600">{help}</span> : null}
      </span>
    </label>
  );
}
