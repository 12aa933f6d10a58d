import { describe, expect, it } from "vitest";
import {
  LOAD_DAY,
  REFERENCE_ANCHOR,
  SEED_NOW,
  seedCalendar,
  TERM_DAYS_COUNT,
  TERM_LAST_DAY,
  termDays,
  withSeedCalendar,
} from "./calendar";

const dow = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const limaDay = (d: Date) => new Date(d.getTime() - 5 * 3600_000).toISOString().slice(0, 10);

describe("[SEED] calendar anchored to the load day", () => {
  it("is the reference calendar for the week after 23/11/2026", () => {
    const c = seedCalendar(REFERENCE_ANCHOR);
    expect(c.shiftDays).toBe(0);
    expect(c.termLastDay).toBe("2026-11-20");
    expect(c.seedNow.toISOString()).toBe("2026-11-23T22:00:00.000Z");
    expect(c.loadStart.toISOString()).toBe("2026-11-24T05:00:00.000Z");
  });

  it("moves by whole weeks so the story's Monday is the last one strictly before the load day", () => {
    // Every day of two weeks, across a new year, and a Monday (a full week back).
    const days = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2027, 11, 25 + i)).toISOString().slice(0, 10));
    for (const anchor of [...days, "2026-11-23", "2025-06-30"]) {
      const c = seedCalendar(anchor);
      expect(Math.abs(c.shiftDays % 7)).toBe(0);
      const monday = limaDay(c.seedNow);
      expect(dow(monday)).toBe(1);
      const gap = (Date.parse(anchor) - Date.parse(monday)) / 86_400_000;
      expect(gap).toBeGreaterThanOrEqual(1);
      expect(gap).toBeLessThanOrEqual(7);
      expect(dow(c.termLastDay)).toBe(5);
      expect(c.loadStart.getTime()).toBeGreaterThan(c.seedNow.getTime());
      expect(limaDay(c.loadStart)).toBe(anchor);
    }
  });

  it("keeps 60 school days on weekdays, the holidays moved with the term", () => {
    const c = seedCalendar("2027-07-28");
    const days = withSeedCalendar(c, () => termDays());
    expect(days).toHaveLength(TERM_DAYS_COUNT);
    expect(days.at(-1)).toBe(c.termLastDay);
    expect(days.every((d) => dow(d) >= 1 && dow(d) <= 5)).toBe(true);
    for (const h of c.holidays) expect(days).not.toContain(h);
    // The reference term skips its weekday holiday 08/10/2026, and so does every shifted one.
    const reference = termDays();
    expect(reference).not.toContain("2026-10-08");
    expect(days.map((d) => (Date.parse(d) - Date.parse(reference[days.indexOf(d)])) / 86_400_000)).toEqual(
      days.map(() => c.shiftDays),
    );
  });

  it("exposes the calendar being built and restores the reference one afterwards", () => {
    const c = seedCalendar("2028-01-02");
    withSeedCalendar(c, () => {
      expect([TERM_LAST_DAY, SEED_NOW, LOAD_DAY]).toEqual([c.termLastDay, c.seedNow, "2028-01-02"]);
    });
    expect(TERM_LAST_DAY).toBe("2026-11-20");
    expect(() => seedCalendar("2027-02-30")).toThrow(/no válida/);
  });
});
