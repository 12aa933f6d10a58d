import "server-only";
import { headers } from "next/headers";
import { requestClientAddress } from "./client-address";
import type { RequestOrigin } from "./types";

type HeaderGetter = (name: string) => string | null | undefined;

/**
 * Origin of a request for the audit log and the sign-in limiter: the client address as
 * TRUSTED_PROXIES allows it to be known (client-address.ts; never a hop the client could
 * have written), and the user agent.
 */
export function originFromHeaders(get: HeaderGetter): RequestOrigin {
  const userAgent = get("user-agent")?.slice(0, 300) || null;
  return { ip: requestClientAddress(get), userAgent, via: "web" };
}

export async function getRequestOrigin(): Promise<RequestOrigin> {
  const h = await headers();
  return originFromHeaders((name) => h.get(name));
}
