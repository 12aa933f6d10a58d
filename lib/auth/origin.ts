import "server-only";
import { headers } from "next/headers";
import type { RequestOrigin } from "./types";

type HeaderGetter = (name: string) => string | null | undefined;

/**
 * Origin of a request for the audit log. The first hop of X-Forwarded-For is the client as
 * the reverse proxy saw it; it is only trustworthy behind a proxy that overwrites the header
 * (see docs/decisions/003-authentication.md), which is how the app is deployed.
 */
export function originFromHeaders(get: HeaderGetter): RequestOrigin {
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || get("x-real-ip")?.trim() || null;
  const userAgent = get("user-agent")?.slice(0, 300) || null;
  return { ip, userAgent, via: "web" };
}

export async function getRequestOrigin(): Promise<RequestOrigin> {
  const h = await headers();
  return originFromHeaders((name) => h.get(name));
}
