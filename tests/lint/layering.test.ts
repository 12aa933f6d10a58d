import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layering rule of eslint.config.mjs, checked against the project's own configuration:
// routes and UI may not reach the database, the drivers, the queue or the unchecked cores.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("[LAYERING] what app/ and components/ may import", () => {
  it.each([
    ['import { db } from "@/lib/db";'],
    ['import { migrate } from "@/lib/db/migrate";'],
    ['import { db } from "../../../lib/db";'],
    ['import pg from "pg";'],
    ['import { PgBoss } from "pg-boss";'],
    ['import { enqueueAlertRecompute } from "@/lib/jobs/enqueue";'],
    ['import { importRosterForSchool } from "@/lib/system/import-roster-core";'],
    ['import { PrismaClient } from "@/lib/generated/prisma/client";'],
  ])("refuses %s in a page and in a component", async (line) => {
    expect(await restrictedImports("app/(app)/probe/page.tsx", `${line}\n`)).toHaveLength(1);
    expect(await restrictedImports("components/probe.tsx", `${line}\n`)).toHaveLength(1);
  });

  it("allows domain functions and type-only imports of the generated client", async () => {
    const code = [
      'import { findStudents } from "@/lib/students/queries";',
      'import type { Prisma } from "@/lib/generated/prisma/client";',
      "",
    ].join("\n");
    expect(await restrictedImports("app/(app)/probe/page.tsx", code)).toEqual([]);
  });

  it("leaves lib/ free to use the database", async () => {
    expect(await restrictedImports("lib/probe/queries.ts", 'import { db } from "../db";\n')).toEqual([]);
  });
});
