import { describe, expect, it } from "vitest";
import { isReadableCallbackUrl, safeCallbackPath, safeRedirectUrl } from "./sign-in";

describe("[AUTH] where sign-in leads", () => {
  it("[AUTH] keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackPath("/cases/123?tab=visits#timeline")).toBe("/cases/123?tab=visits#timeline");
    expect(safeCallbackPath("/")).toBe("/");
  });

  it("[AUTH] never leaves the site: other hosts, schemes and tricks go home", () => {
    for (const value of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "/\tevil",
      "cases",
      "",
      null,
      undefined,
      ["/cases"],
      `/${"a".repeat(600)}`,
    ]) {
      expect(safeCallbackPath(value), String(value)).toBe("/");
    }
  });

  it("[AUTH] does not loop back to the login page or next-auth's endpoints", () => {
    expect(safeCallbackPath("/login")).toBe("/");
    expect(safeCallbackPath("/login?callbackUrl=/login")).toBe("/");
    expect(safeCallbackPath("/api/auth/signout")).toBe("/");
    expect(safeCallbackPath("/loginhelp")).toBe("/loginhelp");
  });
});

describe("[AUTH] next-auth's redirects and callback URLs", () => {
  const base = "https://permanencia.example.pe";

  it("[AUTH] redirects only within the site, and never throws on a malformed URL", () => {
    expect(safeRedirectUrl("/cases/1?x=2", base)).toBe(`${base}/cases/1?x=2`);
    expect(safeRedirectUrl(`${base}/settings`, base)).toBe(`${base}/settings`);
    expect(safeRedirectUrl("/login", base)).toBe(`${base}/login`); // where sign-out leads
    expect(safeRedirectUrl("https://evil.example/", base)).toBe(base);
    expect(safeRedirectUrl("//evil.example/x", base)).toBe(`${base}/`);
    expect(safeRedirectUrl("http://[", base)).toBe(`${base}/`);
    expect(safeRedirectUrl("javascript:alert(1)", base)).toBe(base);
  });

  it("[AUTH] tells which callbackUrl values next-auth could not read (answered with 400)", () => {
    for (const ok of ["/", "/cases", `${base}/login`, "//evil.example"])
      expect(isReadableCallbackUrl(ok), ok).toBe(true);
    for (const bad of ["http://[", "javascript:alert(1)", "data:text/html,x", "/a\nb", `/${"a".repeat(600)}`]) {
      expect(isReadableCallbackUrl(bad), bad).toBe(false);
    }
  });
});
