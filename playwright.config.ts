import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests against a production build (`next build` + `next start`) on a throwaway
// seeded database: see scripts/e2e-server.ts. Debian's Chromium works where Playwright's
// browsers cannot be downloaded: PLAYWRIGHT_CHROMIUM_EXECUTABLE=/usr/bin/chromium.
// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
// One load day for the server's demo seed and the figures the tests expect from it (the
// workers and the web server inherit this environment), even across midnight.
process.env.SEED_ANCHOR ||= new Intl.DateTimeFormat("en-CA", { timeZone: "America/Lima" }).format(new Date());
// The web server writes its database's address here; specs read the server's own state through
// it (tests/e2e/server-database.ts). One file per port, like the server.
process.env.E2E_STATE_FILE ||= path.join(os.tmpdir(), `permanencia-e2e-${PORT}.json`);
const baseURL = `http://127.0.0.1:${PORT}`;
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  forbidOnly: isCI,
  retries: 0,
  // Two cores run the server, the database and the browser: more workers only queue.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: isCI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL,
    locale: "es-PE",
    timezoneId: "America/Lima",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // First, on the untouched demo: auth.spec checks every account's exact home figures,
    // which the other specs then change (attendance saved, a case opened, a student imported).
    { name: "demo-figures", testMatch: /auth\.spec\.ts$/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      testIgnore: /auth\.spec\.ts$/,
      dependencies: ["demo-figures"],
      use: { ...devices["Desktop Chrome"] },
    },
  ],
  webServer: {
    command: "npx tsx --import ./scripts/lib/server-only-hook.mjs scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    // Includes `next build` on a 2-core machine.
    timeout: 15 * 60_000,
    reuseExistingServer: !isCI,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { PORT: String(PORT), E2E_BASE_URL: baseURL },
  },
});
