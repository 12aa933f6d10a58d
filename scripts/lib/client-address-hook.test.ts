import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isHttpsRequest, requestClientAddress } from "../../lib/auth/client-address";
import { PEER_HEADER } from "./client-address-hook.mjs";

// The hook the launchers load into the Next server process: a request's peer address reaches
// the app in a header the client cannot write, and with no proxy trusted it is the client.

let server: http.Server;
let seen: http.IncomingHttpHeaders[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function send(headers: Record<string, string>) {
  seen = [];
  await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers });
  const h = seen[0];
  return (name: string) => {
    const v = h[name];
    return Array.isArray(v) ? v[0] : v;
  };
}

describe("[ORIGIN] the launchers' client-address hook", () => {
  it("[ORIGIN] writes the socket's address over whatever the client put in the header", async () => {
    const get = await send({ [PEER_HEADER]: "203.0.113.66", "x-forwarded-for": "198.51.100.9" });
    expect(get(PEER_HEADER)).toBe("127.0.0.1");
    delete process.env.TRUSTED_PROXIES;
    expect(requestClientAddress(get)).toBe("127.0.0.1");
  });

  it("[COOKIES] only a trusted proxy's X-Forwarded-Proto, or an https NEXTAUTH_URL, makes cookies Secure", async () => {
    const url = process.env.NEXTAUTH_URL;
    try {
      process.env.NEXTAUTH_URL = "http://127.0.0.1:3000";
      const get = await send({ "x-forwarded-proto": "https" });
      delete process.env.TRUSTED_PROXIES;
      expect(isHttpsRequest(get)).toBe(false);
      process.env.TRUSTED_PROXIES = "127.0.0.0/8";
      expect(isHttpsRequest(get)).toBe(true);
      process.env.TRUSTED_PROXIES = "10.0.0.0/8"; // the peer is not that proxy
      expect(isHttpsRequest(get)).toBe(false);
      delete process.env.TRUSTED_PROXIES;
      process.env.NEXTAUTH_URL = "https://permanencia.example.pe";
      expect(isHttpsRequest(await send({}))).toBe(true);
    } finally {
      process.env.NEXTAUTH_URL = url;
      if (url === undefined) delete process.env.NEXTAUTH_URL;
      delete process.env.TRUSTED_PROXIES;
    }
  });
});
