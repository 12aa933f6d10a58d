import type { CaseState } from "@/lib/generated/prisma/enums";

const TONE: Record<CaseState, string> = {
  OPEN: "bg-red-100 text-red-900",
  CONTACTING: "bg-amber-100 text-amber-900",
  EVALUATION: "bg-sky-100 text-sky-900",
  INTERVENTION: "bg-violet-100 text-violet-900",
  MONITORING: "bg-teal-100 text-teal-900",
  CLOSED: "bg-slate-200 text-slate-800",
};

/** The state as text (never colour alone), tinted so a list can be scanned. */
export function StateBadge({ state, label }: { state: CaseState; label: string }) {
  return (
    <span
      data-state={state}
      className={`inline-flex items-center rounded px-2 py-0.5 text-sm font-medium ${TONE[state]}`}
    >
      {label}
    </span>
  );
}

export function studentFullName(s: { paternalSurname: string; maternalSurname: string; givenNames: string }): string {
  return `${[s.paternalSurname, s.maternalSurname].filter(Boolean).join(" ")}, ${s.givenNames}`;
}
