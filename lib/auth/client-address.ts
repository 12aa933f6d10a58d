import net from "node:net";

// Which address a request came from, for the sign-in limiter and the audit log's origin
// (decision 020). X-Forwarded-For is written by whoever sends the request, so it is believed
// only as far as TRUSTED_PROXIES says:
//   unset or "none" — no proxy: the socket's peer, never the header;
//   "1", "2", …     — that many proxies in front: the address the outermost of them saw;
//   CIDR list       — "10.0.0.0/8, 192.168.1.7": walking back from the peer, the first address
//                     outside those ranges.
// The peer comes from the header scripts/lib/client-address-hook.mjs sets on the socket side.

export type TrustedProxies =
  | { kind: "none" }
  | { kind: "count"; hops: number }
  | { kind: "ranges"; list: net.BlockList; text: string };

const PEER_HOOK = Symbol.for("permanencia.peerHeader");

/** Reads TRUSTED_PROXIES; throws (in Spanish, for the operator) on a value it cannot read. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? "";
  if (text === "" || text.toLowerCase() === "none" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw new Error(`TRUSTED_PROXIES=${text}: como máximo 10 proxies.`);
    return { kind: "count", hops };
  }
  const list = new net.BlockList();
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [address, bits] = part.split("/");
    const family = net.isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefix = bits === undefined ? max : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      throw new Error(`TRUSTED_PROXIES: «${part}» no es una dirección IP ni un rango CIDR.`);
    }
    list.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return { kind: "ranges", list, text };
}

/** A literal IP address in canonical form (IPv4-mapped IPv6 as IPv4), or null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  let v = value?.trim() ?? "";
  if (v.startsWith("[") && v.includes("]")) v = v.slice(1, v.indexOf("]"));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(v)) v = v.slice(7);
  return net.isIP(v) ? v.toLowerCase() : null;
}

function isTrusted(address: string, ranges: net.BlockList): boolean {
  return ranges.check(address, net.isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address given the socket's `peer` (null when unknown) and the X-Forwarded-For
 * value, or null when it cannot be told.
 */
export function clientAddress(
  input: { peer: string | null; forwardedFor: string | null | undefined },
  trusted: TrustedProxies,
): string | null {
  const peer = normalizeAddress(input.peer);
  if (trusted.kind === "none") return peer;
  const hops = (input.forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  if (trusted.kind === "count") {
    // With N proxies the peer is the nearest one and the last N−1 entries name the others; the
    // entry before them, appended by the outermost proxy, is the client. With fewer entries
    // than that, the earliest one is all there is.
    if (trusted.hops === 0 || hops.length === 0) return peer;
    return normalizeAddress(hops[Math.max(0, hops.length - trusted.hops)]);
  }
  // Without the peer, nothing proves the header came from a trusted proxy.
  if (!peer) return null;
  const chain = [...hops.map(normalizeAddress), peer];
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = chain[i];
    if (!address) return null; // a hop a trusted proxy vouched for is not an address
    if (!isTrusted(address, trusted.list)) return address;
  }
  return chain[0];
}

/** Whether the request reached the app through the configured proxies (they may speak for it). */
export function cameThroughTrustedProxy(peer: string | null, trusted: TrustedProxies): boolean {
  if (trusted.kind === "none") return false;
  if (trusted.kind === "count") return trusted.hops > 0;
  const address = normalizeAddress(peer);
  return !!address && isTrusted(address, trusted.list);
}

type HeaderGetter = (name: string) => string | null | undefined;

let cached: { value: string | undefined; parsed: TrustedProxies } | undefined;

/** TRUSTED_PROXIES from the environment, parsed once per value. */
export function trustedProxies(): TrustedProxies {
  const value = process.env.TRUSTED_PROXIES;
  if (!cached || cached.value !== value) cached = { value, parsed: parseTrustedProxies(value) };
  return cached.parsed;
}

/** The socket's peer address, when the launcher's hook recorded it in this process. */
export function peerAddress(get: HeaderGetter): string | null {
  const header = (globalThis as Record<symbol, unknown>)[PEER_HOOK];
  return typeof header === "string" ? (get(header) ?? null) : null;
}

/** The client address of a request, from its headers (see clientAddress). */
export function requestClientAddress(get: HeaderGetter): string | null {
  return clientAddress({ peer: peerAddress(get), forwardedFor: get("x-forwarded-for") }, trustedProxies());
}

/**
 * Whether the browser reached us over TLS: NEXTAUTH_URL is https, or a trusted proxy says so
 * in X-Forwarded-Proto. Saying so wrongly only makes cookies stricter (Secure), never looser.
 */
export function isHttpsRequest(get: HeaderGetter): boolean {
  if (process.env.NEXTAUTH_URL?.startsWith("https://")) return true;
  if (!cameThroughTrustedProxy(peerAddress(get), trustedProxies())) return false;
  return (get("x-forwarded-proto") ?? "").split(",").some((p) => p.trim().toLowerCase() === "https");
}
