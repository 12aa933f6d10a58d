"use client";

import { PendingLink } from "@/components/nav/pending-link";

/** One roster row as the table draws it: every text already written on the server. */
export type StudentRowView = {
  id: string;
  name: string;
  /** Document, sex (and school when the user has several). */
  detail: string;
  grade: string;
  status: string;
  statusLabel: string;
};

/**
 * The roster's body rows, drawn from their strings: the page sends 25 rows as data rather than
 * as a tree of cells, and the server writes their HTML once (decision 017, ninth round).
 */
export function StudentRows({ rows }: { rows: readonly StudentRowView[] }) {
  return rows.map((r) => (
    <tr key={r.id}>
      <td>
        <PendingLink href={`/students/${r.id}`} className="row-link">
          {r.name}
        </PendingLink>
        <span className="row-detail">{r.detail}</span>
      </td>
      <td>{r.grade}</td>
      <td>
        <span className="badge" data-status={r.status}>
          {r.statusLabel}
        </span>
      </td>
    </tr>
  ));
}
