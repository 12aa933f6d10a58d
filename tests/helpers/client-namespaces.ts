import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Static reading of the app's imports: for a route file (page or layout), the message
// namespaces its client components ask for with useTranslations("…"), found by following
// imports from the file into every module it reaches. Used to check that each route hands
// its client components the catalogue parts they read (components/i18n/client-messages.tsx).

const ROOT = process.cwd();
const EXTENSIONS = [".tsx", ".ts", "/index.tsx", "/index.ts"];

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  if (existsSync(base) && statSync(base).isFile()) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/g;
const NAMESPACE_RE = /useTranslations\(\s*["']([^"']+)["']\s*\)/g;

/** Namespaces (as written, e.g. "risk.tasks") read by client modules reachable from `file`. */
export function clientNamespaces(file: string): Set<string> {
  const seen = new Set<string>();
  const found = new Set<string>();
  const visit = (f: string, inClient: boolean) => {
    const key = `${f}:${inClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = readFileSync(f, "utf8");
    const client = inClient || /^\s*["']use client["']/.test(source);
    if (client) for (const m of source.matchAll(NAMESPACE_RE)) found.add(m[1]);
    for (const m of source.matchAll(IMPORT_RE)) {
      const target = resolveImport(f, m[1]);
      if (target) visit(target, client);
    }
  };
  visit(file, false);
  return found;
}

/** Every page.tsx and layout.tsx under app/. */
export function routeFiles(dir = path.join(ROOT, "app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return /^(page|layout|error|not-found)\.tsx$/.test(e.name) ? [full] : [];
  });
}

/** The namespaces a route file passes to <ClientMessages namespaces={[…]}>, if it renders one. */
export function providedNamespaces(file: string): string[] | null {
  const m = readFileSync(file, "utf8").match(/<ClientMessages[^>]*namespaces=\{\[([^\]]*)\]\}/);
  return m ? [...m[1].matchAll(/["']([^"']+)["']/g)].map((x) => x[1]) : null;
}

/** Whether namespace `wanted` ("risk.tasks") is inside one of `given` ("risk" or "risk.tasks"). */
export function isCovered(wanted: string, given: readonly string[]): boolean {
  return given.some((g) => wanted === g || wanted.startsWith(`${g}.`));
}
