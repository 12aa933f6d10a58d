import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { getLocale } from "next-intl/server";
import { toLocale } from "../../messages/locales";
import { originFromHeaders } from "../auth/origin";
import { getCurrentUser } from "../auth/session";
import type { SessionUser } from "../auth/types";
import { APP_ERROR_HTTP, type AppErrorCode } from "../errors/app-error";
import { renderError } from "../errors/render";
import type { DomainCall } from "./action";
import { runAction, type ActionResult } from "./result";
import { isSameOrigin } from "./same-origin";

const MAX_BODY_BYTES = 256 * 1024;

type JsonRouteOptions<T, R> = {
  /** Pages whose data the change touches. */
  revalidate?: (data: T) => readonly string[];
  /** What the browser receives on success (defaults to the domain result). */
  present?: (data: T, user: SessionUser) => R;
};

/**
 * The same domain call as `defineAction`, behind a POST route that answers an ActionResult as
 * JSON, for the saves a field worker makes on a bad connection (docs/decisions/019). The page
 * calls it with `fetch` and a timeout (components/offline/post-action.ts): a stalled request
 * is abandoned and sent again, which server actions cannot do — Next runs them one at a time,
 * so a stalled one holds back every later one. Only for idempotent domain functions: the
 * retry after a lost response must change nothing.
 */
export function defineJsonRoute<T, R = T>(name: string, call: DomainCall<T>, options: JsonRouteOptions<T, R> = {}) {
  return async function POST(request: Request): Promise<Response> {
    const locale = toLocale(await getLocale());
    const refuse = (code: "NOT_FOUND" | "INVALID_INPUT", key: "notFound" | "invalidInput") =>
      answer({ ok: false, code, message: renderError(locale, key), fieldErrors: {} });
    if (!isSameOrigin(request)) return refuse("NOT_FOUND", "notFound");
    // A sheet of 500 students is about 40 kB: anything far larger is not one of these saves.
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
      return refuse("INVALID_INPUT", "invalidInput");
    let input: unknown;
    try {
      const text = await request.text();
      if (text.length > MAX_BODY_BYTES) return refuse("INVALID_INPUT", "invalidInput");
      input = JSON.parse(text);
    } catch {
      return refuse("INVALID_INPUT", "invalidInput");
    }
    const user = await getCurrentUser();
    const origin = originFromHeaders((h) => request.headers.get(h));
    const result = await runAction(name, locale, () => call(user, input, origin), unstable_rethrow);
    if (!result.ok) return answer(result);
    for (const path of options.revalidate?.(result.data) ?? []) revalidatePath(path);
    const data = options.present && user ? options.present(result.data, user) : result.data;
    return answer({ ok: true, data });
  };
}

function answer(result: ActionResult<unknown>): Response {
  const status = result.ok ? 200 : result.code in APP_ERROR_HTTP ? APP_ERROR_HTTP[result.code as AppErrorCode] : 500;
  return Response.json(result, { status, headers: { "cache-control": "no-store" } });
}
