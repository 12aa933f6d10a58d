import { NextResponse, type NextRequest } from "next/server";
import { isHttpsRequest } from "@/lib/auth/client-address";
import { refreshedSessionCookies } from "@/lib/auth/session-token";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

// Runs before every page, server action and route handler outside /api (Next 16's proxy, the
// former middleware). Two jobs, neither touching the database:
// - the Content-Security-Policy with a fresh nonce, on the request (Next.js reads it there to
//   put the nonce on its own scripts) and on the response (lib/security/csp.ts);
// - an active session's last-use time, moved forward at most once a minute, so the idle
//   timeout counts from the last request (lib/auth/session-token.ts). Whether the session is
//   still valid is decided on the page's own user read (lib/auth/session.ts).
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https: isHttpsRequest((name) => request.headers.get(name)),
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  const refreshed = await refreshedSessionCookies(request.cookies.getAll());
  for (const c of refreshed ?? []) response.cookies.set(c.name, c.value, c.options);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the API (next-auth, health: JSON, no session to refresh) nor build assets.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      // Prefetches carry no page to protect; their payload is used under the page's policy.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
