import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { navItemsFor } from "../../components/nav/nav-items";
import type { Role } from "../../lib/generated/prisma/enums";
import { DEMO_ACCOUNTS, login } from "./fixtures";

// Accessibility: every page the navigation offers each role (navItemsFor, so a page added to
// the menu is checked without touching this file), plus the first record page of each kind
// (a student, a case and its printable summary, a visit, a referral, an attendance sheet, the
// detailed reachability report) reached from those pages, on a 360 px phone and a 1280 px
// desktop, must have no critical or serious axe violation. One sign-in per role.
test.describe.configure({ mode: "parallel" });

const ACCOUNT_OF_ROLE: Record<Role, string> = {
  ADMIN: DEMO_ACCOUNTS.admin,
  COORDINATOR: DEMO_ACCOUNTS.coordinator,
  DIRECTOR: DEMO_ACCOUNTS.director,
  TUTOR: DEMO_ACCOUNTS.tutor,
  PSYCHOLOGIST: DEMO_ACCOUNTS.psychologist,
  SOCIAL_WORKER: DEMO_ACCOUNTS.socialWorker,
  EDUCATOR: DEMO_ACCOUNTS.educator,
  AGENCY_STAFF: DEMO_ACCOUNTS.demuna,
};
/** Record pages a list links to: the first one each pattern finds is checked too. */
const RECORD_PAGES = [
  /^\/students\/[0-9a-f-]{36}$/,
  /^\/cases\/[0-9a-f-]{36}$/,
  /^\/cases\/[0-9a-f-]{36}\/print$/,
  /^\/cases\/[0-9a-f-]{36}\/history$/,
  /^\/cases\/[0-9a-f-]{36}\/visits$/,
  /^\/cases\/[0-9a-f-]{36}\/evaluations$/,
  /^\/cases\/[0-9a-f-]{36}\/referrals$/,
  /^\/visits\/[0-9a-f-]{36}$/,
  /^\/referrals\/[0-9a-f-]{36}$/,
  /^\/attendance\?sec=/,
  /^\/reports\/reachability(\?|$)/,
];
const WIDTHS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

/** Critical and serious violations of the page as it is now, one line each (rule, what, where). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function signedInState(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  const state = await context.storageState();
  await context.close();
  return state;
}

for (const [role, email] of Object.entries(ACCOUNT_OF_ROLE) as [Role, string][]) {
  test(`[A11Y] ${role}: every menu page and the first record each opens, at 360 and 1280 px, has no critical or serious axe violation`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const storageState = await signedInState(browser, email);
    const pages = navItemsFor(role).map((item) => item.href);
    expect(pages.length).toBeGreaterThan(1);
    const found: string[] = [];
    const checked: string[] = [];
    // The server renders the same page at every width: load it once, check it at each width.
    const context = await browser.newContext({ storageState, viewport: WIDTHS[1], locale: "es-PE" });
    const page = await context.newPage();
    const check = async (href: string) => {
      const response = await page.goto(href);
      expect(response?.status(), `${href} opens for ${role}`).toBeLessThan(400);
      await expect(page.locator("main h1").first()).toBeVisible();
      for (const viewport of WIDTHS) {
        await page.setViewportSize(viewport);
        for (const line of await seriousViolations(page)) found.push(`${viewport.width}px ${href} ${line}`);
      }
    };
    // Menu pages first, then each kind of record page the first time any checked page links to
    // one (a case's printable summary is linked from the case, not from a list).
    const queue: string[] = [...pages];
    const seen = new Set<RegExp>();
    for (let href = queue.shift(); href !== undefined; href = queue.shift()) {
      await check(href);
      checked.push(href);
      const links = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      for (const pattern of RECORD_PAGES) {
        const first = links.find((l) => pattern.test(l));
        if (first && !seen.has(pattern)) {
          seen.add(pattern);
          queue.push(first);
        }
      }
    }
    await context.close();
    console.log(`[A11Y] ${role}: ${checked.length * WIDTHS.length} axe checks (${checked.join(" ")})`);
    expect(found, found.join("\n")).toEqual([]);
  });
}
