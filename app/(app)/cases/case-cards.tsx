"use client";

import { PendingLink } from "@/components/nav/pending-link";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { StateBadge } from "./state-badge";

/** One case of the list as its card draws it: every text already written on the server. */
export type CaseCardView = {
  id: string;
  name: string;
  /** The link's accessible name ("Abrir el caso de …"). */
  openLabel: string;
  state: CaseState;
  stateLabel: string;
  /** Grade, section, sex (and school when the user has several). */
  student: string;
  team: string;
  updated: string;
};

/**
 * The case list's cards, drawn from their strings: the page sends 25 cases as data rather than
 * as a tree of elements, and the server writes their HTML once (decision 017, ninth round).
 */
export function CaseCards({ rows }: { rows: readonly CaseCardView[] }) {
  return rows.map((row) => (
    <li key={row.id} data-testid="case-row" className="list-card">
      <div className="list-card-head">
        <PendingLink href={`/cases/${row.id}`} aria-label={row.openLabel} className="list-card-title">
          {row.name}
        </PendingLink>
        <StateBadge state={row.state} label={row.stateLabel} />
      </div>
      <p className="list-card-line">{row.student}</p>
      <p className="list-card-line">{row.team}</p>
      <p className="list-card-meta">{row.updated}</p>
    </li>
  ));
}
