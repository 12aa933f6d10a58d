import { createPrismaClient } from "../../lib/db";
import { todayInLima } from "../../lib/format/date";
import { getSeedBlocker, seedDemo } from "../../prisma/seed";

/**
 * The day the demo's calendar is anchored to: SEED_ANCHOR (YYYY-MM-DD) when set — the e2e run
 * shares one with its tests — otherwise today in Lima.
 */
export function seedAnchor(): string {
  return process.env.SEED_ANCHOR?.trim() || todayInLima();
}

/** Seeds the demo data when the database is marked for demo use and still empty. */
export async function seedIfDemoAndEmpty(url: string): Promise<boolean> {
  const db = createPrismaClient(url);
  try {
    if (await getSeedBlocker(db)) return false;
    const started = Date.now();
    console.log("Cargando datos de demostración…");
    const summary = await seedDemo(db, seedAnchor());
    console.log(`Datos de demostración listos en ${((Date.now() - started) / 1000).toFixed(1)} s`, summary);
    return true;
  } finally {
    await db.$disconnect();
  }
}
