import "server-only";
import { parseOrThrow } from "../actions/parse";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import { AppError, fieldIssue } from "../errors/app-error";
import { dayFromIso, isoFromDay, todayInLima } from "../format/date";
import { Prisma } from "../generated/prisma/client";
import { ZAddHolidaySchema, ZRemoveHolidaySchema } from "./schema";

// The holiday list (national days off, plus any the administrator adds): a save of attendance on
// one of them asks for confirmation (lib/attendance/school-days.ts). It belongs to the alert
// configuration — it decides which days may silently become school days — so it is edited with
// the alert rules' permission.

/** Holidays from the start of this year on, oldest first. */
export async function listHolidays(user: SessionUser | null, now = new Date()) {
  authorize(user, "alertRules.write");
  const from = dayFromIso(`${todayInLima(now).slice(0, 4)}-01-01`);
  const rows = await db.holiday.findMany({ where: { day: { gte: from } }, orderBy: { day: "asc" } });
  return rows.map((r) => ({ day: isoFromDay(r.day), name: r.name }));
}

export async function addHoliday(user: SessionUser | null, input: unknown, origin?: RequestOrigin) {
  authorize(user, "alertRules.write");
  const { day, name } = parseOrThrow(ZAddHolidaySchema, input);
  try {
    return await db.$transaction(async (tx) => {
      await tx.holiday.create({ data: { day: dayFromIso(day), name, createdById: user.id } });
      await writeAudit(
        tx,
        user,
        { action: "holiday.add", entity: "Holiday", entityId: day, details: { day, name } },
        origin,
      );
      return { day, name };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("ALREADY_EXISTS", "holiday.exists", {}, [fieldIssue("day", "holiday.exists")]);
    }
    throw error;
  }
}

export async function removeHoliday(user: SessionUser | null, input: unknown, origin?: RequestOrigin) {
  authorize(user, "alertRules.write");
  const { day } = parseOrThrow(ZRemoveHolidaySchema, input);
  return db.$transaction(async (tx) => {
    const removed = await tx.holiday.deleteMany({ where: { day: dayFromIso(day) } });
    if (removed.count === 0) throw new AppError("NOT_FOUND", "holiday.notFound");
    await writeAudit(
      tx,
      user,
      { action: "holiday.remove", entity: "Holiday", entityId: day, details: { day } },
      origin,
    );
    return { day };
  });
}
