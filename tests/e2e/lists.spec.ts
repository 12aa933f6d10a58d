import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, login } from "./fixtures";

// The shared list plumbing as a user meets it: server-rendered page links that keep the
// filters, accent-insensitive search, one inbox row per student, all usable at 360 px.
test.use({ viewport: { width: 360, height: 800 } });

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test("[LISTS] the roster pages with links that keep the search, and «jose» finds «José»", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.director);
  await page.goto("/students");
  const pager = page.getByRole("navigation", { name: "Paginación" });
  await expect(pager.locator('[aria-current="page"]')).toHaveText("1");
  await expectNoSidewaysScroll(page);
  await pager.getByRole("link", { name: "Siguiente" }).click();
  await page.waitForURL(/[?&]page=2/);
  await expect(pager.locator('[aria-current="page"]')).toHaveText("2");
  await expect(pager.locator('[aria-current="page"]')).toHaveAccessibleName(/^Página 2 de \d+$/);

  // A plain GET form: works as a link before any JavaScript.
  await page.getByLabel("Buscar por nombre o documento").fill("jose");
  await page.getByRole("button", { name: "Buscar" }).click();
  await page.waitForURL(/[?&]q=jose/);
  expect(new URL(page.url()).searchParams.get("page")).toBeNull();
  const names = await page.getByTestId("students-table").locator("a[href^='/students/']").allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name).toMatch(/José/);

  await page.goto("/students?q=a&page=2");
  await expect(pager.getByRole("link", { name: "Anterior" })).toHaveAttribute("href", "/students?q=a");
  await expect(pager.getByRole("link", { name: /^Página 3 de/ })).toHaveAttribute("href", "/students?q=a&page=3");
  await expectNoSidewaysScroll(page);
});

test("[LISTS] the alert inbox shows each student once, with every open alert inside the row", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.director);
  await page.goto("/alerts");
  await expect(page.getByRole("status").filter({ hasText: /estudiantes? con alertas abiertas/ })).toBeVisible();
  const rows = page.getByTestId("inbox-student");
  const names = await rows.locator("xpath=./h2").allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names).size).toBe(names.length);
  // Some student has more than one open alert; each has its own actions.
  const counts = await rows.evaluateAll((els) => els.map((el) => el.querySelectorAll("ul > li").length));
  expect(Math.max(...counts)).toBeGreaterThan(1);
  const busiest = rows.nth(counts.indexOf(Math.max(...counts)));
  await expect(busiest.getByRole("button", { name: "Descartar" })).toHaveCount(Math.max(...counts));
  await expectNoSidewaysScroll(page);
});

test("[LISTS] «Descartar» opens its dialog on demand, checks the reason in the page, and closes without a trace", async ({
  page,
}) => {
  await login(page, DEMO_ACCOUNTS.director);
  await page.goto("/alerts");
  const row = page.getByTestId("inbox-student").first();
  // The dialogs are not in the page until asked for (one per alert would be most of its HTML).
  await expect(page.locator("dialog")).toHaveCount(0);
  await row.getByRole("button", { name: "Descartar" }).first().click();
  const dialog = page.getByRole("dialog", { name: /^Descartar la alerta de / });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Descartar alerta" }).click();
  await expect(dialog.getByText("Escriba el motivo para descartar la alerta (al menos 5 caracteres).")).toBeVisible();
  await expect(dialog.getByLabel("Motivo")).toBeFocused();
  await dialog.getByRole("button", { name: "Cancelar" }).click();
  await expect(page.locator("dialog")).toHaveCount(0);
  // Asked again, it opens again, empty; Esc closes it too.
  await row.getByRole("button", { name: "Descartar" }).first().click();
  await expect(dialog.getByLabel("Motivo")).toHaveValue("");
  await page.keyboard.press("Escape");
  await expect(page.locator("dialog")).toHaveCount(0);
  await expectNoSidewaysScroll(page);
});
