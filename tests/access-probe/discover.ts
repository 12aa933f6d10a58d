import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// What the access probe must cover, found in the source rather than listed by hand: every page,
// layout and route handler of the app/ tree, and every server action (the exported functions of
// each "use server" module). The probe's table must name each one, so a new route or action
// without a probe fails the suite.

const ROOT = process.cwd();

export type RouteFile = {
  /** Path from the repository root, e.g. "app/(app)/cases/[id]/page.tsx". */
  file: string;
  kind: "page" | "layout" | "route";
  /** Dynamic segments of its path, e.g. ["id", "evaluationId"]. */
  params: string[];
};

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "generated") walk(rel, out);
    } else if (/\.(ts|tsx)$/.test(entry.name)) {
      out.push(rel);
    }
  }
  return out;
}

export function discoverRouteFiles(): RouteFile[] {
  return walk("app")
    .map((file): RouteFile | null => {
      const name = path.posix.basename(file).replace(/\.(ts|tsx)$/, "");
      if (name !== "page" && name !== "layout" && name !== "route") return null;
      const params = file
        .split("/")
        .slice(0, -1)
        .map((segment) => /^\[+\.*([^\]]+?)\]+$/.exec(segment)?.[1])
        .filter((p): p is string => Boolean(p));
      return { file, kind: name, params };
    })
    .filter((r): r is RouteFile => r !== null)
    .sort((a, b) => a.file.localeCompare(b.file));
}

// A directive is the first statement of a module or of a function body: a string literal alone
// on its line. Comments and blank lines may come before a module's.
const MODULE_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["'];?/;
const ANY_DIRECTIVE = /^\s*["']use server["'];?\s*$/gm;

export type ServerActionModules = {
  /** Modules whose first statement is "use server": every export is a server action. */
  modules: string[];
  /** Files with a "use server" directive inside a function (an inline action the probe cannot list). */
  inline: string[];
};

export function discoverServerActionModules(): ServerActionModules {
  const modules: string[] = [];
  const inline: string[] = [];
  for (const file of [...walk("app"), ...walk("lib"), ...walk("components")]) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    const directives = text.match(ANY_DIRECTIVE)?.length ?? 0;
    const isModule = MODULE_DIRECTIVE.test(text);
    if (isModule) modules.push(file);
    if (directives > (isModule ? 1 : 0)) inline.push(file);
  }
  return { modules: modules.sort(), inline: inline.sort() };
}

/** "lib/cases/actions.ts#addCaseNoteAction" for each exported function of the modules. */
export async function discoverServerActions(modules: readonly string[]): Promise<Map<string, unknown>> {
  const actions = new Map<string, unknown>();
  for (const file of modules) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") actions.set(`${file}#${name}`, value);
    }
  }
  return actions;
}
