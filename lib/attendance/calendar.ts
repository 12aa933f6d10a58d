// Calendar facts about a YYYY-MM-DD day, shared by the server check and the sheet's notice.

/** A day with no classes: a weekend or a configured holiday (its name). */
export type NonSchoolDay = { kind: "WEEKEND" | "HOLIDAY"; weekday: number; name: string | null };

/** 0 = Sunday … 6 = Saturday, for a calendar day (no time zone involved). */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00.000Z`).getUTCDay();
}
