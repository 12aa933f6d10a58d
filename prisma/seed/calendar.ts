// The demo's calendar, anchored to the day the demo is loaded (docs/decisions/014).
//
// The story is written once against a reference calendar: a term of 60 school days ending
// Friday 2026-11-20 and a "now" the Monday after, 23/11/2026 17:00 Lima. Loaded on another
// day, the whole calendar moves by whole weeks — term, holidays, birth dates, every event —
// so that this Monday is the last Monday strictly before the load day: weekdays stay
// weekdays, and the same draws give the same story, only on other dates. What must look
// current on the load day (referrals waiting for an answer, visits planned for the coming
// days) is placed relative to the load day itself (prisma/seed/live.ts); nothing is later
// than 00:00 of that day, so a demo loaded at any hour has no event in the future.
//
// `seedCalendar(anchor)` is the pure description of one load day's calendar. While the plan
// is built (`withSeedCalendar`), the exports below hold that calendar's values — ES module
// bindings, read by the generators at call time — so the generators keep their plain names.

const REFERENCE_TERM_LAST_DAY = "2026-11-20";
const REFERENCE_MONDAY = "2026-11-23";
const REFERENCE_NOW_TIME = "17:00";
// National holidays that fall on weekdays near the reference term (no school that day).
const REFERENCE_HOLIDAYS = ["2026-08-06", "2026-08-30", "2026-10-08", "2026-11-01"];
/** A load day whose calendar is the reference one (no shift). */
export const REFERENCE_ANCHOR = "2026-11-24";

export const TERM_DAYS_COUNT = 60;

export type SeedCalendar = {
  /** The load day (YYYY-MM-DD, Lima). */
  anchor: string;
  /** Days from the reference calendar to this one: a multiple of 7. */
  shiftDays: number;
  /** Friday: last school day of the term. */
  termLastDay: string;
  /** Monday 17:00 Lima, the last Monday strictly before the load day: the story ends here. */
  seedNow: Date;
  /** 00:00 Lima of the load day: live content is placed from here, nothing is later. */
  loadStart: Date;
  holidays: ReadonlySet<string>;
};

/** The calendar of a demo loaded on `anchor` (YYYY-MM-DD, a Lima calendar day). */
export function seedCalendar(anchor: string): SeedCalendar {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(anchor) || isoOf(dateOnly(anchor)) !== anchor) {
    throw new Error(`fecha de carga no válida: ${anchor}`);
  }
  const sinceMonday = daysBetween(REFERENCE_MONDAY, anchor);
  const shiftDays = 7 * Math.floor((sinceMonday - 1) / 7);
  return {
    anchor,
    shiftDays,
    termLastDay: addDays(REFERENCE_TERM_LAST_DAY, shiftDays),
    seedNow: limaAt(addDays(REFERENCE_MONDAY, shiftDays), REFERENCE_NOW_TIME),
    loadStart: limaAt(anchor, "00:00"),
    holidays: new Set(REFERENCE_HOLIDAYS.map((d) => addDays(d, shiftDays))),
  };
}

// ── the calendar the plan is being built with (the reference one otherwise) ──

let current = seedCalendar(REFERENCE_ANCHOR);
export let TERM_LAST_DAY = current.termLastDay;
/** The demo's present moment for the story: no event of it is later. */
export let SEED_NOW = current.seedNow;
/** The load day and its first instant, for what must look current when the demo is opened. */
export let LOAD_DAY = current.anchor;
export let LOAD_START = current.loadStart;

function makeCurrent(calendar: SeedCalendar) {
  current = calendar;
  TERM_LAST_DAY = calendar.termLastDay;
  SEED_NOW = calendar.seedNow;
  LOAD_DAY = calendar.anchor;
  LOAD_START = calendar.loadStart;
}

/** Runs a (synchronous) build with `calendar` as the current one, then restores the previous. */
export function withSeedCalendar<T>(calendar: SeedCalendar, build: () => T): T {
  const previous = current;
  makeCurrent(calendar);
  try {
    return build();
  } finally {
    makeCurrent(previous);
  }
}

/** A day of the reference calendar, moved to the current one (same weekday). */
export function fromReference(iso: string): string {
  return addDays(iso, current.shiftDays);
}

// ── day arithmetic ──

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((dateOnly(to).getTime() - dateOnly(from).getTime()) / 86_400_000);
}

function isWeekday(iso: string): boolean {
  const dow = new Date(`${iso}T00:00:00.000Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The term's school days, oldest first (YYYY-MM-DD). */
export function termDays(): string[] {
  const days: string[] = [];
  for (let d = current.termLastDay; days.length < TERM_DAYS_COUNT; d = addDays(d, -1)) {
    if (isWeekday(d) && !current.holidays.has(d)) days.unshift(d);
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

/** The next school day (weekday, not a holiday of the current calendar) on or after `iso`. */
export function weekdayOnOrAfter(iso: string): string {
  let d = iso;
  while (!isWeekday(d) || current.holidays.has(d)) d = addDays(d, 1);
  return d;
}

/** Lima calendar day of an instant. */
export function limaDayOf(instant: Date): string {
  return new Date(instant.getTime() - 5 * 3600_000).toISOString().slice(0, 10);
}

export function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
