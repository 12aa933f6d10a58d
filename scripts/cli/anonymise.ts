import { resolveDatabase } from "../lib/database";

// `npm run cli -- anonymise [--confirm <number of cases>]`
// Without --confirm: how many closed cases are past the retention period (and how many
// students go with them), as JSON; nothing changes. With --confirm N: anonymises them, if
// there are exactly N (the number just printed), audited as the operator command. The same
// rules as the administrator's page (lib/retention, docs/decisions/022-retention.md).
export async function run(args: string[]): Promise<number> {
  let confirm: number | null = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--confirm" && /^\d+$/.test(args[i + 1] ?? "")) confirm = Number(args[++i]);
    else {
      console.error("Uso: npm run cli -- anonymise [--confirm <número de casos>]");
      return 2;
    }
  }
  const database = await resolveDatabase();
  process.env.DATABASE_URL = database.url;
  // Loaded after DATABASE_URL is set: the shared client reads it on first use.
  const { countExpiredCases } = await import("../../lib/retention/overview");
  const { anonymiseExpiredCasesAsSystem } = await import("../../lib/retention/anonymise");
  const { db } = await import("../../lib/db");
  try {
    if (confirm === null) {
      console.log(JSON.stringify(await countExpiredCases()));
      return 0;
    }
    console.log(JSON.stringify(await anonymiseExpiredCasesAsSystem(confirm)));
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}
