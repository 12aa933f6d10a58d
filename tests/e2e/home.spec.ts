import { expect, test } from "@playwright/test";
import { openOnSchoolDay, sectionKeys } from "./attendance-helpers";
import { DEMO_ACCOUNTS, login, waitForHydration } from "./fixtures";

test("[HOME] a figure opens the list it counts: the director's «Casos abiertos» lists exactly that many cases", async ({
  page,
}) => {
  await login(page, DEMO_ACCOUNTS.director);
  const card = page.getByTestId("stat-open-cases");
  const value = await card.locator("dd[data-value]").getAttribute("data-value");
  await card.getByRole("link", { name: /^Casos abiertos: .*Ver la lista$/ }).click();
  await page.waitForURL((url) => url.pathname === "/cases" && url.searchParams.get("state") === "NOT_CLOSED");
  await expect(page.getByTestId("case-count")).toHaveText(`${value} casos`);
  await expect(page.getByLabel("Estado")).toHaveValue("NOT_CLOSED");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

  test("[HOME] «Tomar asistencia» opens today's sheet of the last section this person saved", async ({ page }) => {
    // A director of the other school takes attendance too: no other test saves sections there,
    // so "the last one saved" is this test's.
    await login(page, DEMO_ACCOUNTS.directorSjl);
    const sec = (await sectionKeys(page))[5];
    await openOnSchoolDay(page, sec);
    await page.getByRole("button", { name: "Guardar", exact: true }).tap();
    await expect(page.getByTestId("attendance-status")).toHaveAttribute("data-state", "saved");

    await page.goto("/");
    const take = page.getByTestId("take-attendance");
    await expect(take).toHaveAttribute("href", `/attendance?sec=${encodeURIComponent(sec)}`);
    await take.tap();
    await page.waitForURL((url) => url.searchParams.get("sec") === sec && !url.searchParams.has("date"));
    await expect(page.locator("fieldset[data-student-id]").first()).toBeInViewport();
  });
});

test("[HOME] a slow page shows a skeleton at once, then the page; a direct load of a page out of reach still answers 404", async ({
  page,
}) => {
  await login(page, DEMO_ACCOUNTS.director);
  // The list of cases takes 1.5 s to come (a bad connection, a busy server).
  await page.route(
    (url) => url.pathname === "/cases",
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    },
  );
  await page.getByTestId("stat-open-cases").getByRole("link").click();
  await expect(page.getByTestId("page-skeleton")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Casos" })).toBeVisible();
  await expect(page.getByTestId("page-skeleton")).toHaveCount(0);

  // Out of reach reads as not found, with its status: no loading boundary commits a 200 first.
  expect((await page.goto("/admin/holidays"))?.status()).toBe(404);
});

test("[HOME] a list's row opens its record inside the app (no page reload), with the skeleton while it is slow; a new-tab click is left to the browser", async ({
  page,
  context,
}) => {
  await login(page, DEMO_ACCOUNTS.director);
  await page.goto("/cases");
  await waitForHydration(page, "[data-testid=case-list]");
  // A mark on the window survives a navigation inside the app and is gone after a reload.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const row = page.getByTestId("case-row").first().getByRole("link");
  const href = await row.getAttribute("href");
  expect(href).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
  await page.route(
    (url) => url.pathname === href,
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    },
  );
  await row.click();
  await expect(page.getByTestId("page-skeleton")).toBeVisible();
  await page.waitForURL((url) => url.pathname === href);
  await expect(page.locator("#case-summary")).toBeVisible();
  await expect(page.getByTestId("page-skeleton")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);

  // Back on the list, Ctrl+click opens the record in a new tab and leaves this page where it was.
  await page.goBack();
  await page.waitForURL((url) => url.pathname === "/cases");
  const opened = context.waitForEvent("page");
  await page
    .getByTestId("case-row")
    .first()
    .getByRole("link")
    .click({ modifiers: ["Control"] });
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe(href);
  expect(new URL(page.url()).pathname).toBe("/cases");
});

test("[HOME] demuna@ clicks the overdue count on the home page and lands on the overdue list", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.demuna);
  const card = page.getByTestId("stat-overdue-referrals");
  const value = Number(await card.locator("dd[data-value]").getAttribute("data-value"));
  expect(value).toBeGreaterThan(0);
  await card.getByRole("link", { name: /^Derivaciones vencidas: .*Ver la lista$/ }).click();
  await page.waitForURL((url) => url.pathname === "/referrals" && url.searchParams.get("overdue") === "1");
  // Exactly the counted referrals, every one of them marked overdue.
  await expect(page.getByTestId("referral-count")).toHaveText(new RegExp(`^${value} derivaci(ón|ones)$`));
  await expect(page.getByTestId("referral-row")).toHaveCount(Math.min(value, 25));
  await expect(page.getByTestId("referral-row").filter({ hasNotText: "Vencida" })).toHaveCount(0);
});
