// The retention period as days of the Lima calendar (pure, unit-tested).

/**
 * The first day still kept: a case closed before this day (Lima) is past `years` years.
 * 29 February falls back to 28 February in a year that has none.
 */
export function retentionCutoff(years: number, today: string): string {
  const [y, m, d] = today.split("-").map(Number);
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/** The instant a Lima day starts (Peru keeps no daylight saving time). */
export function limaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00-05:00`);
}
