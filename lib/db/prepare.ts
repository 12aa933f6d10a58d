import "server-only";
import { installJobSchema } from "../jobs/boss";
import { migrate, type MigrateResult } from "./migrate";

/**
 * Brings a database up to date as its owner role: the committed migrations (which also grant
 * the app role its privileges), then pg-boss's schema and queues with the app role's grants.
 * Every launcher runs it before anything connects as the app role.
 */
export async function prepareDatabase(ownerUrl: string): Promise<MigrateResult> {
  const result = await migrate(ownerUrl);
  await installJobSchema(ownerUrl);
  return result;
}
