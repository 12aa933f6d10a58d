import type { NextConfig } from "next";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createImportRoute } from "../../lib/imports/upload-route";
import { MAX_UPLOAD_BYTES } from "../../lib/imports/wire";
import { dismissAlert } from "../../lib/alerts/review";
import type { SessionUser } from "../../lib/auth/types";
import { getCaseFileOrThrow } from "../../lib/cases/case-file";
import { openScenario, type Scenario } from "../fixtures/scenario";
import { contentSecurityPolicy, newNonce } from "../../lib/security/csp";
import type { TestDatabase } from "../helpers/test-database";

// Regression tests of the security review: each one failed before its fix.

// The upload route reads the signed-in user from next-auth, which needs a request scope; the
// route is exercised here with that user supplied directly. The database is never mocked.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/auth/origin", () => ({ getRequestOrigin: async () => ({ via: "web" as const }) }));

let t: TestDatabase;
let s: Scenario;
beforeAll(async () => ({ t, s } = await openScenario()));
afterAll(() => t.drop());

const origin = { ip: "192.0.2.30", userAgent: "security-review", via: "web" as const };
const eventOf = (file: Awaited<ReturnType<typeof getCaseFileOrThrow>>, type: string) =>
  file.timeline.find((e) => e.type === type);

describe("[SECURITY] free text of the timeline stays with its section", () => {
  it("a DIRECTOR sees that an evaluation happened and its level, never its text (summary view)", async () => {
    const file = await getCaseFileOrThrow(s.users.directorA, s.cases.a.id, origin);
    expect(file.access).toBe("SUMMARY");
    const evaluation = eventOf(file, "EVALUATION");
    expect(evaluation).toBeDefined();
    expect(evaluation?.body).toBeNull();
    expect(evaluation?.data).toBeNull();
    // Level and form version only (PRODUCT.md §2: "evaluation level and date"), never the rest.
    const signed = await t.db.caseEvent.create({
      data: {
        caseId: s.cases.a.id,
        schoolId: s.schools.a.id,
        type: "EVALUATION",
        body: "Texto libre de la evaluación",
        data: { evaluationId: s.evaluations.a.id, overallLevel: "HIGH", instrumentVersion: 2, suggestedLevel: "LOW" },
      },
    });
    const again = await getCaseFileOrThrow(s.users.directorA, s.cases.a.id, origin);
    const shown = again.timeline.find((e) => e.id === signed.id);
    expect(shown).toMatchObject({
      body: null,
      data: { evaluationId: s.evaluations.a.id, overallLevel: "HIGH", instrumentVersion: 2 },
    });
    expect(JSON.stringify(again)).not.toContain("Texto libre de la evaluación");
    await t.db.caseEvent.delete({ where: { id: signed.id } });
    // Events of sections the director does see keep their text.
    expect(eventOf(file, "NOTE")?.body).toBe("Evento NOTE");
    expect(eventOf(file, "STATE_CHANGE")?.body).toBe("Evento STATE_CHANGE");
  });

  it("agency staff without the NOTES section get state changes without their written reason, and no outcome note", async () => {
    await t.db.case.update({
      where: { id: s.cases.a.id },
      data: { outcomeNote: "Recaída en consumo; la madre denuncia violencia." },
    });
    for (const user of [s.users.bapes, s.users.demuna]) {
      const file = await getCaseFileOrThrow(user, s.cases.a.id, origin);
      expect(file.access).toBe("AGENCY");
      expect(file.sections).not.toContain("NOTES");
      const change = eventOf(file, "STATE_CHANGE");
      expect(change).toBeDefined();
      expect(change?.body).toBeNull();
      expect(file.case.outcomeNote).toBeNull();
      expect(JSON.stringify(file)).not.toContain("Recaída");
    }
    // DEMUNA was shared RISK_SUMMARY: its evaluation event keeps its text.
    const demuna = await getCaseFileOrThrow(s.users.demuna, s.cases.a.id, origin);
    expect(eventOf(demuna, "EVALUATION")?.body).toBe("Evento EVALUATION");
    // The school side still reads everything.
    const team = await getCaseFileOrThrow(s.users.socialWorker, s.cases.a.id, origin);
    expect(team.case.outcomeNote).toBe("Recaída en consumo; la madre denuncia violencia.");
    expect(eventOf(team, "STATE_CHANGE")?.body).toBe("Evento STATE_CHANGE");
  });
});

describe("[SECURITY] the append-only audit log carries no free text about a child", () => {
  it("dismissing an alert records the reason on the alert, not in the audit entry", async () => {
    const reason = "La madre contó que Luis trabaja de noche con el tío";
    const alert = await t.db.alert.create({
      data: {
        schoolId: s.schools.a.id,
        studentId: s.students.a2.id,
        kind: "UNJUSTIFIED_RATE",
        openKey: `${s.students.a2.id}:UNJUSTIFIED_RATE`,
        figures: { unjustified: 3, days: 20, pct: 15, threshold: 10 },
      },
      select: { id: true },
    });
    await dismissAlert(s.users.directorA, { alertId: alert.id, reason }, origin);
    expect((await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).dismissReason).toBe(reason);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "alert.dismiss", entityId: alert.id } });
    expect(audit).toMatchObject({ actorId: s.users.directorA.id, schoolId: s.schools.a.id });
    expect(JSON.stringify(audit.details)).not.toContain("Luis");
    expect(audit.details).toMatchObject({ kind: "UNJUSTIFIED_RATE", reasonLength: reason.length });
  });
});

describe("[SECURITY] upload routes enforce their size limit whatever the request declares", () => {
  const calls: string[] = [];
  const POST = createImportRoute({
    permission: "students.import",
    async preview() {
      calls.push("preview");
      return { counts: [], errors: [], errorCount: 0 };
    },
    async commit() {
      calls.push("commit");
      return [];
    },
  });

  /** A multipart body sent chunked, without Content-Length, as any HTTP client may. */
  function chunkedUpload(extraBytes: number): Request {
    const boundary = "----permanencia-test";
    const part = (name: string, value: string, file?: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ""}\r\n\r\n${value}\r\n`;
    const head = new TextEncoder().encode(
      part("schoolCode", s.schools.a.codigoModular) + part("file", "a;b\n1;2\n", "nomina.csv"),
    );
    const tail = new TextEncoder().encode(`--${boundary}--\r\n`);
    const filler = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="padding"\r\n\r\n`);
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    let sent = 0;
    let stage = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (stage === 0) {
          controller.enqueue(head);
          controller.enqueue(filler);
          stage = 1;
        } else if (sent < extraBytes) {
          controller.enqueue(chunk);
          sent += chunk.byteLength;
        } else {
          controller.enqueue(new TextEncoder().encode("\r\n"));
          controller.enqueue(tail);
          controller.close();
        }
      },
    });
    return new Request("http://permanencia.test/students/import/upload", {
      method: "POST",
      body,
      duplex: "half",
      headers: {
        origin: "http://permanencia.test",
        host: "permanencia.test",
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
    } as RequestInit & { duplex: "half" });
  }

  it("a chunked body larger than the limit is refused with 413 before any import work", async () => {
    session.user = s.users.directorA;
    calls.length = 0;
    const response = await POST(chunkedUpload(MAX_UPLOAD_BYTES + 2 * 1024 * 1024));
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("supera el límite");
    // The refusal follows the interface language the user chose (the locale cookie).
    const english = chunkedUpload(MAX_UPLOAD_BYTES + 2 * 1024 * 1024);
    english.headers.set("cookie", "theme=x; locale=en");
    expect(await (await POST(english)).text()).toContain("The file exceeds the 20 MB limit.");
    expect(calls).toEqual([]);
  });

  it("a small chunked upload still reaches the preview", async () => {
    session.user = s.users.directorA;
    calls.length = 0;
    const response = await POST(chunkedUpload(0));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('"type":"preview"');
    expect(calls).toEqual(["preview"]);
  });

  it("without a session the route answers 401, without the permission 404, cross-site 403", async () => {
    calls.length = 0;
    session.user = null;
    expect((await POST(chunkedUpload(0))).status).toBe(401);
    session.user = s.users.tutor;
    expect((await POST(chunkedUpload(0))).status).toBe(404);
    session.user = s.users.directorA;
    const crossSite = chunkedUpload(0);
    crossSite.headers.set("origin", "https://evil.example");
    expect((await POST(crossSite)).status).toBe(403);
    expect(calls).toEqual([]);
  });
});

describe("[SECURITY] upload routes answer a body that is not a form with 4xx and a clear message", () => {
  const POST = createImportRoute({
    permission: "students.import",
    preview: async () => ({ counts: [], errors: [], errorCount: 0 }),
    commit: async () => [],
  });
  const post = (body: BodyInit, contentType: string) =>
    POST(
      new Request("http://permanencia.test/students/import/upload", {
        method: "POST",
        body,
        headers: { origin: "http://permanencia.test", host: "permanencia.test", "content-type": contentType },
      }),
    );

  it("JSON, text or no content type: 415, «Envíe el archivo como formulario»", async () => {
    session.user = s.users.directorA;
    for (const [body, type] of [
      [JSON.stringify({ file: "a;b" }), "application/json"],
      ["a;b\n1;2\n", "text/plain"],
      ["a;b", ""],
      ["x", "multipart/form-data"], // no boundary: not a readable form either
    ]) {
      const response = await post(body, type);
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({
        type: "error",
        message: expect.stringContaining("multipart/form-data"),
      });
    }
  });

  it("a truncated multipart body: 400, «No se pudo leer el formulario»", async () => {
    session.user = s.users.directorA;
    const response = await post(
      '--b\r\nContent-Disposition: form-data; name="file"',
      "multipart/form-data; boundary=b",
    );
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("No se pudo leer el formulario");
  });
});

describe("[SECURITY] response headers", () => {
  it("every route sends HSTS and refuses framing; API answers may load nothing", async () => {
    // next.config.js is plain JavaScript without declarations: typed here by its contract.
    const configPath = "../../next.config.js";
    const { default: nextConfig } = (await import(configPath)) as { default: NextConfig };
    const rules = await nextConfig.headers!();
    const header = (source: string, key: string) =>
      rules.find((r) => r.source === source)?.headers.find((h) => h.key.toLowerCase() === key.toLowerCase())?.value;
    expect(header("/:path*", "Strict-Transport-Security")).toMatch(/max-age=\d{8,}/);
    expect(header("/:path*", "X-Frame-Options")).toBe("DENY");
    expect(header("/:path*", "X-Content-Type-Options")).toBe("nosniff");
    expect(header("/api/:path*", "Content-Security-Policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("[CSP] pages: scripts only with this response's nonce, no eval in production, no framing or plugins", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false, https: false });
    const directive = (name: string) =>
      csp
        .split("; ")
        .find((d) => d.startsWith(`${name} `))
        ?.slice(name.length + 1);
    expect(directive("default-src")).toBe("'self'");
    expect(directive("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(directive("script-src")).not.toContain("unsafe-inline");
    expect(directive("style-src")).toBe("'self' 'nonce-abc123'");
    expect(directive("worker-src")).toBe("'self'");
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(csp).toContain(d);
    }
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).toContain("upgrade-insecure-requests");
    // Development only: React's dev build needs eval.
    expect(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).toContain("'unsafe-eval'");
    expect(newNonce()).not.toBe(newNonce());
    expect(Buffer.from(newNonce(), "base64")).toHaveLength(16);
  });
});
