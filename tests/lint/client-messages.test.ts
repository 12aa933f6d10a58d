import path from "node:path";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT_CLIENT_NAMESPACES } from "../../components/i18n/client-messages";
import { pickMessages } from "../../components/i18n/pick-messages";
import { clientNamespaces, isCovered, providedNamespaces, routeFiles } from "../helpers/client-namespaces";
import { getMessages } from "../../messages";

// Client components receive only the catalogue parts their route hands them
// (components/i18n/client-messages.tsx). A component that asks for a namespace its route does
// not provide would show message keys instead of text: every route must cover its own.

const APP = path.join(process.cwd(), "app");

/** What the client components under `file` receive: the nearest layout's ClientMessages, else the root's. */
function received(file: string): string[] {
  for (let dir = path.dirname(file); dir.startsWith(APP); dir = path.dirname(dir)) {
    const layout = path.join(dir, "layout.tsx");
    const given = existsSync(layout) ? providedNamespaces(layout) : null;
    if (given && layout !== path.join(APP, "layout.tsx")) return [...ROOT_CLIENT_NAMESPACES, ...given];
  }
  return [...ROOT_CLIENT_NAMESPACES];
}

describe("client messages", () => {
  it("every route hands its client components the namespaces they read", () => {
    const missing = routeFiles().flatMap((file) => {
      const given = received(file);
      return [...clientNamespaces(file)]
        .filter((ns) => !isCovered(ns, given))
        .map((ns) => `${path.relative(process.cwd(), file)} reads "${ns}" but receives [${given.join(", ")}]`);
    });
    expect(missing).toEqual([]);
  });

  it("finds the namespaces of client components through imports (the check above can fail)", () => {
    const casePage = path.join(APP, "(app)", "cases", "[id]", "page.tsx");
    expect([...clientNamespaces(casePage)]).toEqual(expect.arrayContaining(["cases.stateForm", "risk.tasks"]));
    const visitsTab = path.join(APP, "(app)", "cases", "[id]", "visits", "page.tsx");
    expect([...clientNamespaces(visitsTab)]).toEqual(expect.arrayContaining(["visits.attempt", "visits.done"]));
    expect(isCovered("risk.tasks", ["risk"])).toBe(true);
    expect(isCovered("risk", ["risk.tasks"])).toBe(false);
  });

  it("every namespace a route provides exists in both catalogues", () => {
    const provided = routeFiles().flatMap((f) => providedNamespaces(f) ?? []);
    for (const locale of ["es", "en"] as const) {
      const messages = getMessages(locale) as unknown as Parameters<typeof pickMessages>[0];
      for (const ns of [...ROOT_CLIENT_NAMESPACES, ...provided]) {
        expect(pickMessages(messages, [ns]), `${locale}: ${ns}`).not.toEqual({});
      }
    }
  });

  it("picks dotted paths into their places and leaves the rest out", () => {
    const messages = { a: { x: "1", y: { z: "2" } }, b: { w: "3" }, c: "4" };
    expect(pickMessages(messages, ["a.y", "c"])).toEqual({ a: { y: { z: "2" } }, c: "4" });
    expect(pickMessages(messages, ["a.y", "a"])).toEqual({ a: { x: "1", y: { z: "2" } } });
    expect(pickMessages(messages, ["missing", "b.nope"])).toEqual({});
  });
});
