import "server-only";
import NextAuth from "next-auth";
import { headers } from "next/headers";
import { isHttpsRequest } from "./client-address";
import { authOptionsFor } from "./options";
import { isReadableCallbackUrl } from "./sign-in";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * The callbackUrl a request to next-auth carries (query, form body or cookie), when one of them
 * cannot be read as a URL. next-auth would pass it to `new URL()` and answer 500.
 */
async function unreadableCallbackUrl(request: Request): Promise<boolean> {
  const values = [new URL(request.url).searchParams.get("callbackUrl")];
  if (request.method === "POST" && request.headers.get("content-type")?.includes("application/x-www-form-urlencoded")) {
    values.push(new URLSearchParams(await request.clone().text()).get("callbackUrl"));
  }
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key.endsWith("next-auth.callback-url")) {
      try {
        values.push(decodeURIComponent(value.join("=")));
      } catch {
        return true;
      }
    }
  }
  return values.some((v) => v !== null && !isReadableCallbackUrl(v));
}

export async function authRouteHandler(request: Request, context: Context): Promise<Response> {
  if (await unreadableCallbackUrl(request)) {
    return Response.json(
      { error: "La dirección de retorno (callbackUrl) no es válida." },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }
  const h = await headers();
  const handler = NextAuth(authOptionsFor(isHttpsRequest((name) => h.get(name))));
  return handler(request, context);
}
