import "server-only";
import { parseOrThrow } from "../actions/parse";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db, type Tx } from "../db";
import { DEFAULT_RETENTION_YEARS, MAX_RETENTION_YEARS, MIN_RETENTION_YEARS, ZRetentionYearsSchema } from "./schema";

// The retention period is an instance setting (instance_setting "retentionYears"), changed by
// ADMIN and audited; absent, the default applies.

export const RETENTION_SETTING = "retentionYears";

type Reader = Pick<Tx, "instanceSetting">;

/** The configured period in years, or the default when unset or unreadable. */
export async function readRetentionYears(tx: Reader = db): Promise<number> {
  const row = await tx.instanceSetting.findUnique({ where: { key: RETENTION_SETTING }, select: { value: true } });
  const years = Number(row?.value);
  return Number.isInteger(years) && years >= MIN_RETENTION_YEARS && years <= MAX_RETENTION_YEARS
    ? years
    : DEFAULT_RETENTION_YEARS;
}

export async function updateRetentionYears(
  user: SessionUser | null,
  input: unknown,
  origin?: RequestOrigin,
): Promise<{ years: number; changed: boolean }> {
  authorize(user, "retention.manage");
  const { years } = parseOrThrow(ZRetentionYearsSchema, input);
  return db.$transaction(async (tx) => {
    const before = await readRetentionYears(tx);
    if (before === years) return { years, changed: false };
    await tx.instanceSetting.upsert({
      where: { key: RETENTION_SETTING },
      create: { key: RETENTION_SETTING, value: String(years) },
      update: { value: String(years) },
    });
    await writeAudit(
      tx,
      user,
      { action: "retention.settings.update", entity: "Instance", details: { before, after: years } },
      origin,
    );
    return { years, changed: true };
  });
}
