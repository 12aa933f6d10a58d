import { createPrismaClient } from "../../lib/db";
import { getSeedBlocker, seedDemo } from "../../prisma/seed";

/** Seeds the demo data when the database is marked for demo use and still empty. */
export async function seedIfDemoAndEmpty(url: string): Promise<boolean> {
  const db = createPrismaClient(url);
  try {
    if (await getSeedBlocker(db)) return false;
    const started = Date.now();
    console.log("Cargando datos de demostración…");
    const summary = await seedDemo(db);
    console.log(`Datos de demostración listos en ${((Date.now() - started) / 1000).toFixed(1)} s`, summary);
    return true;
  } finally {
    await db.$disconnect();
  }
}
