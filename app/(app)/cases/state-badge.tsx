import type { CaseState } from "@/lib/generated/prisma/enums";

/** The state as text (never colour alone), tinted so a list can be scanned (`.badge` in app/globals.css). */
export function StateBadge({ state, label }: { state: CaseState; label: string }) {
  return (
    <span data-state={state} className="badge">
      {label}
    </span>
  );
}

export function studentFullName(s: { paternalSurname: string; maternalSurname: string; givenNames: string }): string {
  return `${[s.paternalSurname, s.maternalSurname].filter(Boolean).join(" ")}, ${s.givenNames}`;
}
