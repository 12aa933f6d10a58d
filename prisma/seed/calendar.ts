// The demo's fixed calendar: a term of 60 school days ending Friday 2026-11-20, and a fixed
// "now" a school day after it, so every run writes the same dates.

export const TERM_LAST_DAY = "2026-11-20";
export const TERM_DAYS_COUNT = 60;
/** The demo's present moment (Monday 23/11/2026, 17:00 in Lima). */
export const SEED_NOW = limaAt("2026-11-23", "17:00");

// National holidays that fall on weekdays near the term (no school that day).
const HOLIDAYS = new Set(["2026-08-06", "2026-08-30", "2026-10-08", "2026-11-01"]);

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function isWeekday(iso: string): boolean {
  const dow = new Date(`${iso}T00:00:00.000Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The term's school days, oldest first (YYYY-MM-DD). */
export function termDays(): string[] {
  const days: string[] = [];
  for (let d = TERM_LAST_DAY; days.length < TERM_DAYS_COUNT; d = addDays(d, -1)) {
    if (isWeekday(d) && !HOLIDAYS.has(d)) days.unshift(d);
  }
  return days;
}

/** A calendar day as the Date Prisma uses for DATE columns (UTC midnight). */
export function dateOnly(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** An instant given as a Lima wall-clock time (UTC-5, no daylight saving). */
export function limaAt(iso: string, hhmm: string): Date {
  return new Date(`${iso}T${hhmm}:00.000-05:00`);
}

/** `days` calendar days after a given day (negative to go back). */
export function shiftDay(iso: string, days: number): string {
  return addDays(iso, days);
}

/** The next weekday on or after `iso`. */
export function weekdayOnOrAfter(iso: string): string {
  let d = iso;
  while (!isWeekday(d) || HOLIDAYS.has(d)) d = addDays(d, 1);
  return d;
}

/** Lima calendar day of an instant. */
export function limaDayOf(instant: Date): string {
  return new Date(instant.getTime() - 5 * 3600_000).toISOString().slice(0, 10);
}

export function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
