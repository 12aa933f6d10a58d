import "server-only";
import type pg from "pg";
import type { RequestOrigin } from "../auth/types";
import { originText, type AuditEntry } from "./write-audit";

/**
 * writeAudit for work done on a plain pg connection (bulk imports through COPY): same columns,
 * same origin text, and — called between BEGIN and COMMIT — the same all-or-nothing guarantee.
 */
export async function writeAuditSql(
  client: Pick<pg.ClientBase, "query">,
  actor: { id: string; role: string } | null,
  entry: AuditEntry,
  origin?: RequestOrigin,
) {
  await client.query(
    `INSERT INTO audit_log ("actorId", "actorRole", "action", "entity", "entityId", "schoolId", "origin", "details")
     VALUES ($1::uuid, $2::"Role", $3, $4, $5, $6::uuid, $7, $8::jsonb)`,
    [
      actor?.id ?? null,
      actor?.role ?? null,
      entry.action,
      entry.entity,
      entry.entityId ?? null,
      entry.schoolId ?? null,
      originText(origin),
      entry.details === undefined ? null : JSON.stringify(entry.details),
    ],
  );
}
