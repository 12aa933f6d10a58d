// Calendar facts about a YYYY-MM-DD day, shared by the server check and the sheet's notice.

/** A day with no classes: a weekend or a configured holiday (its name). */
export type NonSchoolDay = { kind: "WEEKEND" | "HOLIDAY"; weekday: number; name: string | null };

/** 0 = Sunday … 6 = Saturday, for a calendar day (no time zone involved). */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00.000Z`).getUTCDay();
}

/**
 * The first Monday–Friday after `isoDay` (YYYY-MM-DD): the default day of a visit's next attempt,
 * and the day on which a run of absences continues (the case timeline).
 */
export function nextWorkday(isoDay: string): string {
  const d = new Date(`${isoDay}T00:00:00.000Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}
