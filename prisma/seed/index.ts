import type { PrismaClient } from "../../lib/generated/prisma/client";

export type SeedSummary = Record<string, number>;

/** Why the demo seed must not run here, or null when it may. */
export async function getSeedBlocker(db: PrismaClient): Promise<string | null> {
  const marker = await db.instanceSetting.findUnique({ where: { key: "demo" } });
  if (marker?.value !== "true") return "la base de datos no está marcada para demostración";
  if ((await db.school.count()) > 0) return "la base de datos no está vacía";
  return null;
}

// Placeholder until the pilot seed lands.
export async function seedDemo(_db: PrismaClient): Promise<SeedSummary> {
  return {};
}
