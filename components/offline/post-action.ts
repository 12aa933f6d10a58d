"use client";

import type { ActionFailure, ActionResult } from "@/lib/actions/result";

/** Long enough for a slow save on one bar of signal, short enough not to leave a tutor waiting. */
export const SAVE_TIMEOUT_MS = 20_000;

/**
 * POSTs an input to a route made with defineJsonRoute and returns its ActionResult. Anything
 * that is not such an answer — no connection, a timeout, a proxy's error page — is a NETWORK
 * failure carrying `networkMessage`: the save may or may not have reached the server, which is
 * why only idempotent saves use this.
 */
export async function postAction<T>(
  url: string,
  input: unknown,
  networkMessage: string,
  timeoutMs = SAVE_TIMEOUT_MS,
): Promise<ActionResult<T>> {
  const network: ActionFailure = { ok: false, code: "NETWORK", message: networkMessage, fieldErrors: {} };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
      signal: controller.signal,
      cache: "no-store",
    });
    const body: unknown = await response.json().catch(() => null);
    return isActionResult<T>(body) ? body : network;
  } catch {
    return network;
  } finally {
    clearTimeout(timer);
  }
}

function isActionResult<T>(body: unknown): body is ActionResult<T> {
  if (!body || typeof body !== "object" || !("ok" in body)) return false;
  return (body as { ok: unknown }).ok === true || typeof (body as { message?: unknown }).message === "string";
}
