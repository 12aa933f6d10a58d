import { todayInLima } from "../format/date";

// An urgent referral is due the same day, in the school's time zone (Lima, UTC-5 all year).

/** The last millisecond of the Lima calendar day in which `now` falls. */
export function endOfLimaDay(now: Date): Date {
  return new Date(`${todayInLima(now)}T23:59:59.999-05:00`);
}

/** A date-time typed in a form (YYYY-MM-DDTHH:mm, Lima time) as an instant; null if not valid. */
export function limaDateTime(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = new Date(`${text.trim()}:00-05:00`);
  if (Number.isNaN(date.getTime())) return null;
  // Reject dates JavaScript would roll over (31/02 → 03/03).
  return todayInLima(date) === `${m[1]}-${m[2]}-${m[3]}` ? date : null;
}
