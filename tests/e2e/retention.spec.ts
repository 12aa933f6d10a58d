import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, login } from "./fixtures";

// /admin/retention on a 360 px phone that runs no script: the administrator reads the counts and
// changes the retention period with plain form posts; every other role gets the 404 page. The
// anonymisation itself (and its confirmation step) is covered on data old enough to be due in
// tests/integration/retention.integration.test.ts: the demo holds no case closed years ago.
test.use({ viewport: { width: 360, height: 740 } });

test("[RETENTION] the administrator sets the retention period without JavaScript at 360 px", async ({ browser }) => {
  const signedIn = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  await login(signedIn, DEMO_ACCOUNTS.admin);
  await signedIn.locator("summary", { hasText: "Menú" }).click();
  await expect(
    signedIn
      .getByRole("navigation", { name: "Navegación principal" })
      .getByRole("link", { name: "Conservación de casos" }),
  ).toBeVisible();

  const plain = await browser.newContext({
    storageState: await signedIn.context().storageState(),
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  const page = await plain.newPage();
  await page.goto("/admin/retention");
  await expect(page.getByRole("heading", { level: 1, name: "Conservación de casos" })).toBeVisible();
  await expect(page.getByTestId("retention-due")).toContainText("No hay casos cerrados antes del");
  await expect(page.getByRole("link", { name: "Revisar antes de anonimizar" })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), "no sideways scrolling").toBeLessThanOrEqual(
    360,
  );

  const years = page.getByLabel("Años que se conservan los casos cerrados");
  await expect(years).toHaveValue("5");
  await years.fill("7");
  await page.getByRole("button", { name: "Guardar plazo" }).click();
  await page.waitForURL((url) => url.pathname === "/admin/retention" && url.search === "?saved=1");
  await expect(page.getByRole("status").filter({ hasText: "Plazo de conservación guardado." })).toBeVisible();
  await expect(page.getByLabel("Años que se conservan los casos cerrados")).toHaveValue("7");

  // An impossible period is refused by the server and nothing changes.
  await page.getByLabel("Años que se conservan los casos cerrados").fill("0");
  await page.getByRole("button", { name: "Guardar plazo" }).click();
  await page.waitForLoadState("load");
  await page.goto("/admin/retention");
  await expect(page.getByLabel("Años que se conservan los casos cerrados")).toHaveValue("7");

  await page.getByLabel("Años que se conservan los casos cerrados").fill("5");
  await page.getByRole("button", { name: "Guardar plazo" }).click();
  await page.waitForURL((url) => url.search === "?saved=1");
  await expect(page.getByLabel("Años que se conservan los casos cerrados")).toHaveValue("5");
  await plain.close();
  await signedIn.context().close();
});

test("[RETENTION] the page is not found for a director", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.director);
  const response = await page.goto("/admin/retention");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Conservación de casos")).toHaveCount(0);
});
