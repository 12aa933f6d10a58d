// Dates are shown dd/mm/yyyy in America/Lima. Two kinds of values exist:
// - calendar days (`@db.Date`: attendance, birth dates) arrive as UTC midnight and must be
//   formatted in UTC, or Lima (UTC-5) would show the previous day;
// - instants (`timestamptz`: audit, visits) are formatted in Lima time.

export const TIME_ZONE = "America/Lima";

const dayFormat = new Intl.DateTimeFormat("es-PE", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "UTC",
});
const limaDay = new Intl.DateTimeFormat("es-PE", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: TIME_ZONE,
});
const limaTime = new Intl.DateTimeFormat("es-PE", {
  hour: "2-digit",
  minute: "2-digit",
  // h23, not `hour12: false`: with that, es-PE writes midnight as 24:00.
  hourCycle: "h23",
  timeZone: TIME_ZONE,
});
const isoDay = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: TIME_ZONE,
});

/** A calendar day (DATE column) as dd/mm/yyyy. */
export function formatDay(value: Date | null | undefined): string {
  return value ? dayFormat.format(value) : "—";
}

/** An instant as dd/mm/yyyy HH:mm in Lima. */
export function formatDateTime(value: Date | null | undefined): string {
  return value ? `${limaDay.format(value)} ${limaTime.format(value)}` : "—";
}

/** An instant's time of day as HH:mm in Lima ("figures computed at 15:02"). */
export function formatTime(value: Date): string {
  return limaTime.format(value);
}

/** Today's calendar day in Lima as YYYY-MM-DD. */
export function todayInLima(now: Date = new Date()): string {
  return isoDay.format(now);
}

/** YYYY-MM-DD → Date at UTC midnight (the value Prisma uses for DATE columns). */
export function dayFromIso(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** Date at UTC midnight → YYYY-MM-DD. */
export function isoFromDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** Parses dd/mm/yyyy (also d/m/yyyy, '-' or '.') into YYYY-MM-DD, or null if not a real date. */
export function parseDayMonthYear(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return isoFromDay(date);
}
