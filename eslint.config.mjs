import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a value left out on purpose (e.g. dropped from a spread).
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Layering: routes and UI reach data only through lib/<domain> functions, which authorize
    // and scope every query. The database client, raw drivers and the unchecked system cores
    // (lib/system/) are refused here, so a page cannot skip the policy by querying directly.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "pg",
              message: "The database is not reachable from app/ or components/: call a lib/<domain> function.",
            },
            { name: "pg-boss", message: "Queue jobs from lib/<domain> through lib/jobs/enqueue." },
          ],
          patterns: [
            {
              regex: "(^@/|/)lib/db(/|$)",
              message: "The database client stays in lib/: call a lib/<domain> function that authorizes and scopes.",
            },
            {
              regex: "(^@/|/)lib/(system|jobs)(/|$)",
              message:
                "lib/system/ and lib/jobs/ are for operator commands and the worker; use the lib/<domain> function.",
            },
            {
              regex: "(^@/|/)lib/generated/prisma/client$",
              allowTypeImports: true,
              message: "Only types from the generated client may be used outside lib/.",
            },
          ],
        },
      ],
    },
  },
  {
    ignores: [
      ".cache/**",
      "lib/generated/**",
      ".next/**",
      ".data/**",
      "node_modules/**",
      "playwright-report/**",
      "test-results/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
