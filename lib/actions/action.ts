import "server-only";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { getLocale } from "next-intl/server";
import { toLocale } from "../../messages/locales";
import { getRequestOrigin } from "../auth/origin";
import { getCurrentUser } from "../auth/session";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { actionInput } from "./form-data";
import { runAction, type ActionResult } from "./result";

/**
 * A domain function as actions call it. It authorizes first and parses its own input
 * (parseOrThrow), so the same function serves the command line and the tests.
 */
export type DomainCall<T> = (user: SessionUser | null, input: unknown, origin: RequestOrigin) => Promise<T>;

type Paths<T> = readonly (string | { path: string; type: "layout" | "page" })[] | ((data: T) => readonly string[]);

type ActionOptions<T> = {
  /** Pages whose data the change touches. */
  revalidate?: Paths<T>;
  /** Where to go after success (create → the new record); null stays on the page. */
  redirect?: (data: T) => string | null;
};

/**
 * The one way to write a server action (docs/decisions/010-action-path.md): in a "use server"
 * file, `export const saveXAction = defineAction("x.save", saveX, { revalidate: ["/x"] })`.
 * It takes the object a hydrated form sends or the FormData of a form posted before
 * hydration, calls the domain function with the signed-in user and the request origin, and
 * answers an ActionResult whose texts are in the caller's language.
 */
export function defineAction<T>(name: string, call: DomainCall<T>, options: ActionOptions<T> = {}) {
  return async function action(input: unknown): Promise<ActionResult<T>> {
    const [user, origin, locale] = await Promise.all([getCurrentUser(), getRequestOrigin(), getLocale()]);
    const result = await runAction(
      name,
      toLocale(locale),
      () => call(user, actionInput(input), origin),
      unstable_rethrow,
    );
    if (!result.ok) return result;
    const paths = typeof options.revalidate === "function" ? options.revalidate(result.data) : options.revalidate;
    for (const p of paths ?? []) {
      if (typeof p === "string") revalidatePath(p);
      else revalidatePath(p.path, p.type);
    }
    // Outside the try of runAction: redirect() works by throwing.
    const to = options.redirect?.(result.data);
    if (to) redirect(to);
    return result;
  };
}
