import { unstable_rethrow } from "next/navigation";
import { useEffect, useState } from "react";
import type { z } from "zod";
import type { ActionFailure, ActionResult } from "@/lib/actions/result";
import { loadErrorCatalogue } from "./error-catalogue";

// What both form hooks (useActionForm, useLightActionForm) share: the schema they check with,
// fetched when the form appears, and the call of the server action with its failures named.

/** The domain's zod schema, or a loader of it (pages a phone opens load zod after the page). */
export type SchemaSource = z.ZodType | (() => Promise<z.ZodType>);

export const failure = (code: ActionFailure["code"], message: string): ActionFailure => ({
  ok: false,
  code,
  message,
  fieldErrors: {},
});

/**
 * The form's schema, or null when a lazily loaded one cannot be fetched (no connection), and
 * the texts of its error keys in `locale` (error-catalogue.ts), fetched alongside.
 */
export async function loadSchema(schema: SchemaSource, locale: string): Promise<z.ZodType | null> {
  try {
    const [zod] = await Promise.all([typeof schema === "function" ? schema() : schema, loadErrorCatalogue(locale)]);
    return zod;
  } catch {
    return null;
  }
}

/**
 * A loaded schema arrives once the page is up, not at the first tap: the signal may be gone by
 * then (and the service worker keeps what was fetched for the next offline load).
 */
export function usePrefetchedSchema(schema: SchemaSource | undefined, locale: string) {
  const [first] = useState(() => schema);
  useEffect(() => {
    if (!first) return;
    const timer = setTimeout(() => void loadSchema(first, locale), 0);
    return () => clearTimeout(timer);
  }, [first, locale]);
}

/**
 * Calls a server action. A redirecting action (create → the new record) rejects with Next's
 * redirect, which its boundary handles. A failed fetch (no connection) says so; anything else
 * is a generic failure.
 */
export async function callAction<TInput, TData>(
  action: (input: TInput) => Promise<ActionResult<TData>>,
  input: TInput,
  errorText: (key: string) => string | undefined,
): Promise<ActionResult<TData>> {
  try {
    return await action(input);
  } catch (error) {
    unstable_rethrow(error);
    const offline = error instanceof TypeError || (typeof navigator !== "undefined" && !navigator.onLine);
    return offline ? failure("NETWORK", errorText("network")!) : failure("UNKNOWN", errorText("unexpected")!);
  }
}
