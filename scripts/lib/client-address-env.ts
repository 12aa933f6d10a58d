import path from "node:path";
import { pathToFileURL } from "node:url";

const HOOK = pathToFileURL(path.join(import.meta.dirname, "client-address-hook.mjs")).href;

/**
 * NODE_OPTIONS for the Next server process: the caller's options plus the hook that records
 * each request's socket address (client-address-hook.mjs). `next dev` runs its server in a
 * child process, which inherits NODE_OPTIONS.
 */
export function withClientAddressHook(nodeOptions: string | undefined): string {
  return [nodeOptions, `--import=${HOOK}`].filter(Boolean).join(" ");
}
