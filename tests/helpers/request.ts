// The launchers load scripts/lib/client-address-hook.mjs into the server process; importing it
// here does the same for a test process, so a request's peer address can be given the way the
// hook delivers it (its own header) and X-Forwarded-For is judged by TRUSTED_PROXIES.
import { PEER_HEADER } from "../../scripts/lib/client-address-hook.mjs";

/** Headers of a request whose socket peer is `address` (next-auth's `req` for authorize). */
export function requestFrom(address: string, headers: Record<string, string> = {}) {
  return { headers: { [PEER_HEADER]: address, "user-agent": "test", ...headers } };
}
