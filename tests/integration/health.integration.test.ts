import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../app/api/health/route";
import { freePort, urlFor } from "../../scripts/lib/embedded-postgres";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});
afterEach(() => {
  process.env.DATABASE_URL = t.url;
});

describe("[HEALTH] GET /api/health", () => {
  it("answers 200 ok when the database answers SELECT 1", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when nothing listens at the database address", async () => {
    process.env.DATABASE_URL = urlFor(await freePort());
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "error", db: "error" });
  });

  it("answers 503 within its timeout when the server accepts but never replies", async () => {
    // A TCP listener that never speaks the PostgreSQL protocol: only the timeout can end the probe.
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      process.env.DATABASE_URL = urlFor((server.address() as net.AddressInfo).port);
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "error", db: "error" });
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("answers 503 when no database is configured", async () => {
    delete process.env.DATABASE_URL;
    const res = await GET();
    expect(res.status).toBe(503);
  });
});
