import type { TimelineWeight } from "@/lib/cases/timeline-weight";

// How an entry's weight looks (lib/cases/timeline-weight.ts) lives in app/globals.css, keyed by
// `data-weight`: `.timeline-entry` for the border and background, `.weight-badge` for the word
// and its icon. A case shows dozens of entries, and each class list was sent twice per entry
// (in the HTML and in the page's React payload), the icon's SVG once per badge.

/** The word that says an entry's weight (colour and icon only repeat it). */
export function WeightBadge({ weight, label }: { weight: TimelineWeight; label: string }) {
  if (weight !== "urgent" && weight !== "attention") return null;
  return (
    <span data-weight={weight} className="weight-badge">
      {label}
    </span>
  );
}
