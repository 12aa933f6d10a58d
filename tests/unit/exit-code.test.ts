import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// A failing test must fail `npm test`, and so CI. The embedded PostgreSQL that the global setup
// starts exits through a hook that called process.exit(0) and hid vitest's exit code 1
// (scripts/lib/embedded-postgres.ts keeps it now). This runs a file that fails on purpose,
// with the same configuration and global setup, and reads the exit code.
describe("npm test's exit code", () => {
  it("is not 0 when a test fails", () => {
    const run = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run"], {
      env: { ...process.env, VITEST_EXIT_CHECK: "1", VITEST: undefined, VITEST_WORKER_ID: undefined, NODE_ENV: "test" },
      encoding: "utf8",
      timeout: 120_000,
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toMatch(/fails on purpose/);
    expect(output).toMatch(/1 failed/);
    expect(run.status).toBe(1);
  }, 150_000);
});
