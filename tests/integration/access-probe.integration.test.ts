import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CookieValue } from "../../lib/auth/session-token";
import { renderError } from "../../lib/errors/render";
import type { Role } from "../../lib/generated/prisma/enums";
import { DEMO_PASSWORD, USERS, type UserKey } from "../../prisma/seed/people";
import {
  discoverRouteFiles,
  discoverServerActionModules,
  discoverServerActions,
  type RouteFile,
} from "../access-probe/discover";
import { ACTIONS, PAGES, ROUTES, type ActionEntry, type PageEntry, type Positive } from "../access-probe/registry";
import { treeText } from "../access-probe/element-tree";
import { actAs, browserRequest } from "../access-probe/request-jar";
import { signIn } from "../access-probe/request-scope";
import { buildWorld, PROBE_PASSWORD, type Ids, type RecordSet, type World } from "../access-probe/world";
import { installWriteTrap, takeWrites } from "../access-probe/write-trap";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The access probe (docs/decisions/021-access-probe.md): every page, route handler and server
// action that takes an id, called by every demo account with ids outside its scope, answers
// "not found" and shows nothing of the record; the list comes from the source, so a new route
// or action without a probe fails here. Calls run in-process against the real demo database
// with real session cookies; only the request itself (next/headers) is supplied by the test.

vi.mock("next/headers", async () => (await import("../access-probe/request-jar")).nextHeaders);
// Outside a Next server there is no cache to revalidate; only successful calls reach it.
vi.mock("next/cache", async (original) => ({
  ...(await original<typeof import("next/cache")>()),
  revalidatePath: () => undefined,
}));

const ROOT = process.cwd();
const NOT_FOUND_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;404";

let t: TestDatabase;
let world: World;
const browsers = new Map<UserKey, CookieValue[]>();
const outsiders = new Map<Positive, CookieValue[]>();
/** The browser of a positive control: the demo administrator or an outsider account. */
const positiveBrowser = (p: Positive) => (p === "admin" ? browsers.get("admin")! : outsiders.get(p)!);

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "test-secret-for-the-access-probe-0123456789";
  t = await createTestDatabase({ seeded: true });
  world = await buildWorld(t.db);
  for (const u of USERS) browsers.set(u.key, await signIn(u.email, DEMO_PASSWORD));
  for (const [key, u] of Object.entries(world.outsiderUsers))
    outsiders.set(key as Positive, await signIn(u.email, PROBE_PASSWORD));
  await installWriteTrap(t);
}, 180_000);
afterAll(() => t.drop());

const load = async (file: string) =>
  (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;

/** Each demo account with the record sets outside its scope that hold `needs`. */
function probesFor(needs: readonly (keyof Ids)[], inScopeFor: readonly Role[] = []) {
  const out: { key: UserKey; role: Role; set: RecordSet; ids: Ids }[] = [];
  for (const u of USERS) {
    if (inScopeFor.includes(u.role)) continue;
    for (const set of [world.outsider, world.neighbours.get(u.key)]) {
      if (!set || needs.some((k) => set.ids[k] === undefined)) continue;
      out.push({ key: u.key, role: u.role, set, ids: set.ids as Ids });
    }
  }
  return out;
}

/** Markers of the record found in `text` (names, DNI, phone, note texts). */
const leaked = (text: string, set: RecordSet) =>
  set.markers.filter((m) => text.toLocaleLowerCase("es").includes(m.toLocaleLowerCase("es")));

async function callPage(file: string, params: Record<string, string>, searchParams: Record<string, string>) {
  const Page = (await load(file)).default as (props: unknown) => Promise<unknown>;
  try {
    return { element: await Page({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) }) };
  } catch (error) {
    return { error: error as Error & { digest?: string } };
  }
}

async function currentOutsiderIds(): Promise<Ids> {
  const ids = world.outsider.ids;
  const [c, r] = await Promise.all([
    t.db.case.findUniqueOrThrow({ where: { id: ids.caseId }, select: { version: true } }),
    t.db.referral.findUniqueOrThrow({ where: { id: ids.referralId }, select: { version: true } }),
  ]);
  return { ...ids, caseVersion: c.version, referralVersion: r.version };
}

const counted = { pages: 0, routes: 0, actions: 0 };
afterAll(() => {
  console.info(
    `access probe: ${counted.pages} page calls, ${counted.routes} route calls, ${counted.actions} action calls out of scope`,
  );
});

describe("[ACCESS PROBE] the probe's table covers every route and action of the source", () => {
  const files = discoverRouteFiles();

  it("every page and route handler of app/ has an entry (a new one without a probe fails here)", () => {
    const missing = files
      .filter((f) => f.kind !== "layout")
      .filter((f) => !(f.file in (f.kind === "page" ? PAGES : ROUTES)))
      .map((f) => `no probe for ${f.file}`);
    expect(missing).toEqual([]);
    const stale = [...Object.keys(PAGES), ...Object.keys(ROUTES)].filter((k) => !files.some((f) => f.file === k));
    expect(stale.map((k) => `probe entry for a file that does not exist: ${k}`)).toEqual([]);
  });

  it("every page with a dynamic segment is probed with ids, not exempted", () => {
    const exempted = files
      .filter((f) => f.kind !== "layout" && f.params.length > 0)
      .filter((f) => {
        const entry = f.kind === "page" ? PAGES[f.file] : ROUTES[f.file];
        return entry && "noId" in entry && f.file !== "app/api/auth/[...nextauth]/route.ts";
      });
    expect(exempted.map((f) => f.file)).toEqual([]);
  });

  it("every server action has an entry, and none is declared inline where it cannot be listed", async () => {
    const { modules, inline } = discoverServerActionModules();
    expect(inline.map((f) => `inline "use server" in ${f}: move the action to a "use server" module`)).toEqual([]);
    const actions = await discoverServerActions(modules);
    expect(actions.size).toBeGreaterThan(20);
    const missing = [...actions.keys()].filter((k) => !(k in ACTIONS)).map((k) => `no probe for ${k}`);
    expect(missing).toEqual([]);
    const stale = Object.keys(ACTIONS).filter((k) => !actions.has(k));
    expect(stale.map((k) => `probe entry for an action that does not exist: ${k}`)).toEqual([]);
  });

  it("layouts under a dynamic segment never read their params (they render around a 404 page too)", async () => {
    const readers: string[] = [];
    for (const f of files.filter((x: RouteFile) => x.kind === "layout" && x.params.length > 0)) {
      const Layout = (await load(f.file)).default as (props: unknown) => unknown;
      let read = false;
      const props = {
        children: null,
        get params() {
          read = true;
          return Promise.resolve(Object.fromEntries(f.params.map((p) => [p, world.outsider.ids.caseId])));
        },
      };
      actAs(positiveBrowser("psychologist"));
      await Layout(props);
      if (read) readers.push(`${f.file} reads params: give it a probe in tests/access-probe/registry.ts`);
    }
    expect(readers).toEqual([]);
  });
});

describe("[ACCESS PROBE] pages answer 404 to every role for records outside its scope", () => {
  for (const [file, entry] of Object.entries(PAGES) as [string, PageEntry][]) {
    if ("noId" in entry) continue;

    if ("onlyFor" in entry) {
      it(`${file}: not found for every role but ${entry.onlyFor.join(", ")}`, async () => {
        const failures: string[] = [];
        for (const u of USERS.filter((x) => !entry.onlyFor.includes(x.role))) {
          actAs(browsers.get(u.key)!);
          const r = await callPage(file, {}, {});
          counted.pages++;
          if (r.error?.digest !== NOT_FOUND_DIGEST) failures.push(`${u.key}: ${r.error?.digest ?? "rendered"}`);
        }
        expect(failures).toEqual([]);
        actAs(positiveBrowser(entry.positive));
        expect((await callPage(file, {}, {})).error).toBeUndefined();
      });
      continue;
    }

    it(`${file}: not found out of scope, rendered in scope`, async () => {
      const failures: string[] = [];
      for (const p of probesFor(entry.needs, entry.inScopeFor)) {
        actAs(browsers.get(p.key)!);
        const r = await callPage(file, entry.params?.(p.ids) ?? {}, entry.searchParams?.(p.ids) ?? {});
        counted.pages++;
        if (r.error?.digest === NOT_FOUND_DIGEST) continue;
        const shown = r.error ? `${r.error.digest ?? r.error.message}` : treeText(r.element);
        const leaks = leaked(shown, p.set);
        failures.push(
          `${p.key} / ${p.set.label}: ${r.error ? shown : "rendered"}${leaks.length ? ` showing ${leaks}` : ""}`,
        );
      }
      expect(failures).toEqual([]);
      expect(await takeWrites(t)).toEqual([]);

      // The same call in scope renders: the probe passes the ids where the page reads them.
      const ids = world.outsider.ids;
      actAs(positiveBrowser(entry.positive));
      const r = await callPage(file, entry.params?.(ids) ?? {}, entry.searchParams?.(ids) ?? {});
      expect(r.error?.digest ?? r.error?.message).toBeUndefined();
      await takeWrites(t);
    });
  }
});

/** The refusal of an import route: 404, or the streamed "school not in your scope" of its preview. */
function isNotFoundAnswer(status: number, body: string, ids: Ids): boolean {
  if (status === 404) return true;
  if (status !== 200) return false;
  let events: { type: string; message?: string }[];
  try {
    events = body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string; message?: string });
  } catch {
    return false; // not an import's event stream: an answer with content
  }
  return (
    events.length === 1 &&
    events[0].type === "error" &&
    events[0].message === renderError("es", "school.codeNotFound", { code: ids.schoolCode })
  );
}

describe("[ACCESS PROBE] route handlers answer 404 for records outside the caller's scope", () => {
  for (const [file, entry] of Object.entries(ROUTES)) {
    if ("noId" in entry) continue;
    it(`${file}: not found out of scope, answered in scope`, async () => {
      const handlers = await load(file);
      const failures: string[] = [];
      const call = async (ids: Ids) => {
        const { path: url, init } = entry.request(ids);
        const handler = handlers[init?.method ?? "GET"] as (r: Request) => Promise<Response>;
        const response = await handler(browserRequest(url, init));
        return { status: response.status, body: await response.text() };
      };
      for (const p of probesFor(entry.needs, entry.inScopeFor)) {
        actAs(browsers.get(p.key)!);
        const r = await call(p.ids);
        counted.routes++;
        const leaks = leaked(r.body, p.set);
        if (!isNotFoundAnswer(r.status, r.body, p.ids) || leaks.length)
          failures.push(
            `${p.key} / ${p.set.label}: ${r.status} ${r.body.slice(0, 120)}${leaks.length ? ` showing ${leaks}` : ""}`,
          );
      }
      expect(failures).toEqual([]);
      expect(await takeWrites(t)).toEqual([]);

      actAs(positiveBrowser(entry.positive));
      const r = await call(world.outsider.ids);
      expect(r.status).toBe(200);
      expect(r.body).not.toMatch(/"type":"error"/);
      // A save route's in-scope call writes (the attendance sheet, a visit outcome): not the next one's.
      await takeWrites(t);
    });
  }
});

type Action = (input: unknown) => Promise<{ ok: boolean; code?: string }>;

async function callAction(key: string, input: unknown) {
  const [file, name] = key.split("#");
  const action = (await load(file))[name] as Action;
  try {
    return { result: await action(input) };
  } catch (error) {
    // A successful action may end in redirect(), which works by throwing.
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { redirected: digest.split(";")[2] };
    return { error: error as Error };
  }
}

const idEntries = Object.entries(ACTIONS).filter(
  (e): e is [string, Extract<ActionEntry, { needs: unknown }>] => "needs" in e[1],
);

describe("[ACCESS PROBE] server actions answer NOT_FOUND for records outside the caller's scope", () => {
  for (const [key, entry] of idEntries) {
    it(`${key}: NOT_FOUND out of scope, nothing written`, async () => {
      const failures: string[] = [];
      for (const p of probesFor(entry.needs, entry.inScopeFor)) {
        actAs(browsers.get(p.key)!);
        const r = await callAction(key, entry.input(p.ids));
        counted.actions++;
        const text = JSON.stringify(r.result ?? r.redirected ?? r.error?.message ?? "");
        const leaks = leaked(text, p.set);
        if (r.result?.ok === false && r.result.code === "NOT_FOUND" && leaks.length === 0) continue;
        failures.push(`${p.key} / ${p.set.label}: ${text.slice(0, 160)}${leaks.length ? ` showing ${leaks}` : ""}`);
      }
      expect(failures).toEqual([]);
      expect(await takeWrites(t)).toEqual([]);
    });
  }

  for (const [key, entry] of Object.entries(ACTIONS)) {
    if (!("onlyFor" in entry) || !entry.onlyFor) continue;
    const { onlyFor, input } = entry;
    it(`${key}: NOT_FOUND for every role but ${onlyFor.join(", ")}, nothing written`, async () => {
      const failures: string[] = [];
      for (const u of USERS.filter((x) => !onlyFor.includes(x.role))) {
        actAs(browsers.get(u.key)!);
        const r = await callAction(key, input);
        counted.actions++;
        if (r.result?.ok !== false || r.result.code !== "NOT_FOUND") failures.push(`${u.key}: ${JSON.stringify(r)}`);
      }
      expect(failures).toEqual([]);
      expect(await takeWrites(t)).toEqual([]);
    });
  }
});

// Last: these change the outsider records, in the table's order.
describe("[ACCESS PROBE] the same actions in scope are not refused as not found", () => {
  for (const [key, entry] of idEntries) {
    it(`${key}: found by ${entry.positive}`, async () => {
      actAs(positiveBrowser(entry.positive));
      const r = await callAction(key, entry.input(await currentOutsiderIds()));
      const refusal = r.result && !r.result.ok ? r.result.code : null;
      expect(r.error?.message).toBeUndefined();
      if (refusal) expect(entry.positiveMayRefuse ?? [], JSON.stringify(r.result)).toContain(refusal);
    });
  }
});
