import { describe, expect, it } from "vitest";
import { originText, type AuditEntry } from "./write-audit";

describe("[AUDIT] entries", () => {
  it("[AUDIT] an action outside the known list does not type-check (enforced by npm run typecheck)", () => {
    // If AuditAction were widened to string, this directive would be unused and tsc would fail.
    // @ts-expect-error "case.reed" is a typo, not an AuditAction
    const typo: AuditEntry = { action: "case.reed", entity: "Case" };
    const known: AuditEntry = { action: "case.read", entity: "Case" };
    expect([typo.action, known.action]).toEqual(["case.reed", "case.read"]);
  });

  it("[AUDIT] the origin is one bounded line: channel, IP, user agent", () => {
    expect(originText({ ip: "192.0.2.1", userAgent: "UA", via: "web" })).toBe("web | 192.0.2.1 | UA");
    expect(originText({ ip: null, userAgent: "x".repeat(900), via: "cli" })).toHaveLength(500);
    expect(originText(undefined)).toBeNull();
  });
});
