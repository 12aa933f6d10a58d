import "server-only";
import type { Tx } from "../db";
import { db } from "../db";
import { dayFromIso } from "../format/date";
import { weekdayOf, type NonSchoolDay } from "./calendar";

export type { NonSchoolDay };

/**
 * Why a day is not a school day (a weekend, or a holiday of the configured list), or null for
 * an ordinary school day. Saving attendance on such a day needs the user's confirmation: the
 * saved day becomes a school day for the alert rules.
 */
export async function findNonSchoolDay(iso: string, tx: Tx | typeof db = db): Promise<NonSchoolDay | null> {
  const weekday = weekdayOf(iso);
  const holiday = await tx.holiday.findUnique({ where: { day: dayFromIso(iso) }, select: { name: true } });
  if (holiday) return { kind: "HOLIDAY", weekday, name: holiday.name };
  if (weekday === 0 || weekday === 6) return { kind: "WEEKEND", weekday, name: null };
  return null;
}
