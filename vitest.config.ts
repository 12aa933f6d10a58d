import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next's marker package throws outside React Server Components; tests run server code directly.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty.ts"),
      // Server components run here as under React Server Components (the access probe calls
      // pages): next-intl's server entry for RSC, reading the app's own request config.
      "next-intl/server": path.resolve(
        import.meta.dirname,
        "node_modules/next-intl/dist/esm/production/server.react-server.js",
      ),
      "next-intl/config": path.resolve(import.meta.dirname, "i18n/request.ts"),
    },
  },
  test: {
    // VITEST_EXIT_CHECK: only the file that fails on purpose (tests/unit/exit-code.test.ts).
    include: process.env.VITEST_EXIT_CHECK
      ? ["tests/fixtures/exit-code/*.check.ts"]
      : ["lib/**/*.test.ts", "tests/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Processed by vitest rather than loaded by Node, so the aliases above and a test's mock of
    // next/headers reach next-intl's own imports.
    server: { deps: { inline: ["next-intl"] } },
    // Every test database is a copy of the same seed (same school ids): report figures cached
    // by scope in one test would be served to the next. The cache has its own unit test.
    env: { REPORTS_CACHE_SECONDS: "0" },
  },
});
