import { describe, expect, it } from "vitest";
import { cameThroughTrustedProxy, clientAddress, normalizeAddress, parseTrustedProxies } from "./client-address";

const none = parseTrustedProxies(undefined);

describe("[ORIGIN] the client address", () => {
  it("[ORIGIN] with no proxy trusted, X-Forwarded-For is ignored: the socket's peer is the client", () => {
    expect(clientAddress({ peer: "203.0.113.9", forwardedFor: "198.51.100.1" }, none)).toBe("203.0.113.9");
    expect(clientAddress({ peer: "::ffff:203.0.113.9", forwardedFor: null }, none)).toBe("203.0.113.9");
    // No peer known (no launcher hook): unknown, never the header.
    expect(clientAddress({ peer: null, forwardedFor: "198.51.100.1" }, none)).toBeNull();
    expect(parseTrustedProxies("none")).toEqual({ kind: "none" });
    expect(parseTrustedProxies(" ")).toEqual({ kind: "none" });
  });

  it("[ORIGIN] with a count of proxies, the address the outermost proxy appended", () => {
    const one = parseTrustedProxies("1");
    // nginx appends the address it saw; whatever the client wrote comes before it.
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.9" }, one)).toBe("203.0.113.9");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "203.0.113.9" }, one)).toBe("203.0.113.9");
    const two = parseTrustedProxies("2");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.9, 10.0.0.1" }, two)).toBe(
      "203.0.113.9",
    );
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: null }, one)).toBe("10.0.0.2");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "not-an-ip" }, one)).toBeNull();
  });

  it("[ORIGIN] with CIDR ranges, the first address outside them walking back from the peer", () => {
    const ranges = parseTrustedProxies("10.0.0.0/8, 192.168.1.7, fd00::/8");
    expect(clientAddress({ peer: "10.1.2.3", forwardedFor: "6.6.6.6, 203.0.113.9, 192.168.1.7" }, ranges)).toBe(
      "203.0.113.9",
    );
    // A peer outside the ranges is the client, whatever it wrote in the header.
    expect(clientAddress({ peer: "198.51.100.4", forwardedFor: "10.0.0.9" }, ranges)).toBe("198.51.100.4");
    expect(clientAddress({ peer: "fd00::5", forwardedFor: "2001:db8::1" }, ranges)).toBe("2001:db8::1");
    expect(clientAddress({ peer: null, forwardedFor: "203.0.113.9" }, ranges)).toBeNull();
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "garbage, 10.0.0.3" }, ranges)).toBeNull();
  });

  it("[ORIGIN] only a trusted proxy may speak for the request (X-Forwarded-Proto)", () => {
    const ranges = parseTrustedProxies("10.0.0.0/8");
    expect(cameThroughTrustedProxy("10.0.0.2", ranges)).toBe(true);
    expect(cameThroughTrustedProxy("203.0.113.9", ranges)).toBe(false);
    expect(cameThroughTrustedProxy("10.0.0.2", none)).toBe(false);
    expect(cameThroughTrustedProxy(null, parseTrustedProxies("1"))).toBe(true);
  });

  it("[ORIGIN] refuses a setting it cannot read rather than guessing", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/no es una dirección IP/);
    expect(() => parseTrustedProxies("99")).toThrow(/como máximo/);
  });

  it("[ORIGIN] normalizes addresses", () => {
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("203.0.113.9:5000")).toBe("203.0.113.9");
    expect(normalizeAddress("unknown")).toBeNull();
  });
});
