import type { Db } from "../../lib/db";
import { DEMO_ANCHOR_SETTING } from "../../prisma/seed";

/** The load day a seeded database's demo calendar is anchored to (recorded by the seed). */
export async function demoAnchor(db: Pick<Db, "instanceSetting">): Promise<string> {
  const row = await db.instanceSetting.findUniqueOrThrow({ where: { key: DEMO_ANCHOR_SETTING } });
  return row.value;
}
