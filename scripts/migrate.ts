import { resolveDatabase } from "./lib/database";

// `npm run db:migrate`: applies committed migrations (resolveDatabase migrates).
const database = await resolveDatabase();
console.log("Migraciones aplicadas");
await database.stop();
