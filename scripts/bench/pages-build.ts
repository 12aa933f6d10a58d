import { spawn } from "node:child_process";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

// The production build the benchmark measures: reused when .next is newer than every source
// file, built otherwise; and the first-load JavaScript of a page, read from the build's own
// manifests (the files the browser fetches before the page is interactive), gzipped.

const ROOT = process.cwd();
const NEXT = path.join(ROOT, ".next");
const SOURCES = ["app", "components", "lib", "messages", "i18n", "public", "prisma/schema.prisma"];
const SOURCE_FILES = ["next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

async function newestMtime(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const child of await readdir(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, await newestMtime(path.join(entry, child)));
  }
  return newest;
}

export async function isBuildFresh(): Promise<boolean> {
  const built = await stat(path.join(NEXT, "BUILD_ID")).catch(() => null);
  if (!built) return false;
  const sources = await Promise.all([...SOURCES, ...SOURCE_FILES].map((s) => newestMtime(path.join(ROOT, s))));
  return Math.max(...sources) < built.mtimeMs;
}

export async function ensureBuild(mode = "auto"): Promise<{ built: boolean; ms: number }> {
  if (mode === "never" || (mode !== "always" && (await isBuildFresh()))) return { built: false, ms: 0 };
  process.stderr.write("Building (npm run build)…\n");
  const t0 = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn("npm", ["run", "build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", resolve);
  });
  if (code !== 0) throw new Error(`npm run build failed (code ${code})`);
  return { built: true, ms: performance.now() - t0 };
}

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

/** The chunks a route loads first: the app's root chunks plus the route's own entry chunks. */
async function routeChunks(route: string): Promise<string[]> {
  const build = JSON.parse(await readFile(path.join(NEXT, "build-manifest.json"), "utf8")) as {
    rootMainFiles?: string[];
    polyfillFiles?: string[];
  };
  const file = path.join(NEXT, "server", "app", route, "page_client-reference-manifest.js");
  const source = await readFile(file, "utf8");
  // The manifest is a script that assigns one JSON object; read the object without running it.
  const json = source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1);
  const manifest = JSON.parse(json) as ClientManifest;
  const entries = Object.values(manifest.entryJSFiles ?? {}).flat();
  return [...new Set([...(build.rootMainFiles ?? []), ...entries])].filter((f) => f.endsWith(".js"));
}

export async function firstLoadJs(route: string): Promise<{ gzipKb: number; files: number }> {
  const chunks = await routeChunks(route.replace(/^\//, ""));
  let bytes = 0;
  for (const chunk of chunks) {
    const body = await readFile(path.join(NEXT, chunk.replace(/^\/?_next\//, "")));
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return { gzipKb: bytes / 1024, files: chunks.length };
}
