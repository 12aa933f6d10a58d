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

/** The directory of a route's server output; route groups such as "(app)" are not in the URL. */
async function routeDir(route: string, dir = path.join(NEXT, "server", "app"), prefix = ""): Promise<string | null> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const url = /^\(.*\)$/.test(entry.name) ? prefix : `${prefix}/${entry.name}`;
    const full = path.join(dir, entry.name);
    if (
      url === route &&
      (await stat(path.join(full, "..", `${entry.name}`, "page_client-reference-manifest.js")).catch(() => null))
    )
      return full;
    if (route.startsWith(url)) {
      const found = await routeDir(route, full, url);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The chunks a route loads before it is interactive: the app's root chunks and the client
 * chunks of every segment of the route (root and group layouts, the page, and the error
 * boundary rendered around it), as the page's HTML lists them. Polyfills go only to old
 * browsers (nomodule).
 */
async function routeChunks(route: string): Promise<string[]> {
  const build = JSON.parse(await readFile(path.join(NEXT, "build-manifest.json"), "utf8")) as {
    rootMainFiles?: string[];
  };
  const dir = await routeDir(route);
  if (!dir) throw new Error(`no build output for ${route}: is it a page of this app?`);
  const source = await readFile(path.join(dir, "page_client-reference-manifest.js"), "utf8");
  // The manifest is a script that assigns one JSON object; read the object without running it.
  const body = source.slice(source.indexOf("= {", source.indexOf("__RSC_MANIFEST[")) + 2, source.lastIndexOf("}") + 1);
  const manifest = JSON.parse(body) as ClientManifest;
  // The not-found and global-error pages load their chunks only when they are shown.
  const entries = Object.entries(manifest.entryJSFiles ?? {})
    .filter(([segment]) => !/(not-found|global-error)$/.test(segment))
    .flatMap(([, files]) => files);
  return [...new Set([...(build.rootMainFiles ?? []), ...entries])].filter((f) => f.endsWith(".js"));
}

export async function firstLoadJs(route: string): Promise<{ gzipKb: number; files: number }> {
  const chunks = await routeChunks(route);
  let bytes = 0;
  for (const chunk of chunks) bytes += gzipSync(await readFile(path.join(NEXT, chunk)), { level: 9 }).length;
  return { gzipKb: bytes / 1024, files: chunks.length };
}
