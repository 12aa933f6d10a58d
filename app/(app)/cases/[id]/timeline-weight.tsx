import type { TimelineWeight } from "@/lib/cases/timeline-weight";

/** Left border and background of an entry by its weight (lib/cases/timeline-weight.ts). */
export const WEIGHT_CLASSES: Record<TimelineWeight, string> = {
  urgent: "border-red-700 bg-red-50 py-2 pr-2",
  attention: "border-amber-500",
  normal: "border-slate-300",
  minor: "border-slate-200 text-slate-700",
};

const BADGE: Record<TimelineWeight, string | null> = {
  urgent: "bg-red-700 text-white",
  attention: "bg-amber-200 text-amber-950",
  normal: null,
  minor: null,
};

/** The word that says an entry's weight (colour and icon only repeat it). */
export function WeightBadge({ weight, label }: { weight: TimelineWeight; label: string }) {
  const tone = BADGE[weight];
  if (!tone) return null;
  return (
    <span
      data-weight={weight}
      className={`mr-2 inline-flex items-center gap-1 rounded px-1.5 py-0.5 align-middle text-xs font-bold uppercase ${tone}`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-3.5" fill="currentColor">
        {weight === "urgent" ? (
          <path d="M10 2 1 18h18L10 2Zm-1 6h2v5H9V8Zm0 6.5h2v2H9v-2Z" />
        ) : (
          <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-1 4h2v6H9V6Zm0 7.5h2v2H9v-2Z" />
        )}
      </svg>
      {label}
    </span>
  );
}
