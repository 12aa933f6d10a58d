import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every page here is dynamic (it reads the session), so a prefetched link brings only the
// route's outline and the page's data still comes on the click, yet each prefetch costs the
// server 7.5–10 ms of CPU, a quarter of a page (decision 017, items 32 and 37). A production
// `Link` prefetches whenever it scrolls into view; so every `Link` says `prefetch` explicitly
// (PendingLink, components/nav/pending-link.tsx, defaults to false).

const ROOT = process.cwd();

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(full);
    return e.name.endsWith(".tsx") ? [full] : [];
  });
}

/** The opening tags `<Link …>` of a source file, attributes included. */
export function linkTags(source: string): string[] {
  const tags: string[] = [];
  for (const m of source.matchAll(/<Link(?=[\s>])/g)) {
    let depth = 0;
    let k = m.index + m[0].length;
    // The tag ends at the first ">" outside braces that is not an arrow's.
    for (; k < source.length; k++) {
      const c = source[k];
      if (c === "{") depth++;
      else if (c === "}") depth--;
      else if (c === ">" && depth === 0 && source[k - 1] !== "=") break;
    }
    tags.push(source.slice(m.index, k + 1));
  }
  return tags;
}

describe("links", () => {
  it("reads a tag's attributes across lines and past arrow functions", () => {
    const source = `<Link\n  href="/a"\n  onClick={() => go()}\n  prefetch={false}\n>x</Link> <Link href="/b">y</Link>`;
    expect(linkTags(source)).toEqual([
      `<Link\n  href="/a"\n  onClick={() => go()}\n  prefetch={false}\n>`,
      `<Link href="/b">`,
    ]);
  });

  it("every Link in app/ and components/ says whether it prefetches", () => {
    const missing = ["app", "components"].flatMap((dir) =>
      tsxFiles(path.join(ROOT, dir)).flatMap((file) =>
        linkTags(readFileSync(file, "utf8"))
          .filter((tag) => !/\sprefetch[=\s{]/.test(tag) && !/\{\.\.\.\w+\}/.test(tag))
          .map((tag) => `${path.relative(ROOT, file)}: ${tag.replace(/\s+/g, " ")}`),
      ),
    );
    expect(missing).toEqual([]);
  });
});
