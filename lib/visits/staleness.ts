// When a contact on file is too old to trust before a visit. The pilot could visit only 36 %
// of alerted students, mostly because addresses were outdated or vague; the form shows the
// verified date in red when it is older than this, or missing.

export const STALE_AFTER_MONTHS = 6;

/** YYYY-MM-DD of the same day `months` months before (clamped to the month's last day). */
export function monthsBefore(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * Whether a contact verified on `verifiedAt` (a DATE value, UTC midnight) is stale on `today`
 * (YYYY-MM-DD in Lima): never verified, or verified more than six months before today.
 */
export function isContactStale(verifiedAt: Date | null | undefined, today: string): boolean {
  if (!verifiedAt) return true;
  return verifiedAt.toISOString().slice(0, 10) < monthsBefore(today, STALE_AFTER_MONTHS);
}
