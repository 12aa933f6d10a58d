import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./sign-in";

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
