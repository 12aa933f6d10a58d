import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { installationSecret, secretProblem } from "./secret";

describe("[AUTH] the session-signing secret", () => {
  it("is generated once per installation, private to its owner, and reused afterwards", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "secret-"));
    const first = installationSecret(dir);
    expect(secretProblem(first)).toBeNull();
    expect(statSync(path.join(dir, "nextauth-secret")).mode & 0o777).toBe(0o600);
    expect(installationSecret(dir)).toBe(first);
    const other = installationSecret(mkdtempSync(path.join(os.tmpdir(), "secret-")));
    expect(other).not.toBe(first);
  });

  it("replaces a stored value that is too short or was published", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "secret-"));
    writeFileSync(path.join(dir, "nextauth-secret"), "permanencia-dev-secret-not-for-production\n");
    const secret = installationSecret(dir);
    expect(secret).not.toBe("permanencia-dev-secret-not-for-production");
    expect(readFileSync(path.join(dir, "nextauth-secret"), "utf8").trim()).toBe(secret);
  });

  it("refuses a missing, short or once-published secret for a server", () => {
    expect(secretProblem(undefined)).toMatch(/no está definido/);
    expect(secretProblem("corto")).toMatch(/al menos 32/);
    expect(secretProblem("permanencia-dev-secret-not-for-production")).toMatch(/publicado/);
    expect(secretProblem("permanencia-e2e-secret-not-for-production")).toMatch(/publicado/);
    expect(secretProblem("x".repeat(40))).toBeNull();
  });
});
