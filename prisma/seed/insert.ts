import type { SeedTx } from "./types";

// Bulk insert of prepared rows in one statement per table: the rows travel as one JSON
// parameter and PostgreSQL turns them into records of the table's own type. An order of
// magnitude faster than createMany for the thousands of rows the demo writes.
// `table` and the column names come from this code, never from input.

export async function insertRows<T extends object>(tx: SeedTx, table: string, rows: T[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].map((c) => `"${c}"`).join(", ");
  return tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
    JSON.stringify(rows),
  );
}
