/** A figure on the home page; "suppressed" replaces small counts shown to aggregate-only roles. */
export type StatValue = number | "suppressed";

export type HomeStat = {
  /** Stable id for tests and anchors: rendered as data-testid="stat-<id>". */
  id: string;
  /** Key under `home.stats` for the label. */
  label: string;
  value: StatValue;
  /** Optional secondary line, a key under `home.stats` with its values. */
  hint?: { label: string; values?: Record<string, number> };
  /** The list of what is counted (lib/home/links.ts). */
  href: string;
};

/**
 * A home page's figures. `computedAt` is set when they were computed earlier and kept for a
 * while (the coordinator's territory figures, lib/home/territory-stats.ts), so the page can say
 * how old they are; null when they were counted for this request.
 */
export type HomeFigures = { stats: HomeStat[]; computedAt: Date | null };
