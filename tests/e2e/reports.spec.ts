import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, login, logout } from "./fixtures";

// /reports on the demo: the coordinator filters by grade and sex and downloads the funnel as a
// CSV for Spanish Excel; the psychologist prints a case summary, the director prints it with
// the child's name in initials.
test.describe.configure({ mode: "parallel" });

/** The funnel table's figure for a step, as printed ("<5", "*" or the number). */
async function funnelFigure(page: Page, step: string): Promise<string> {
  return (await page
    .getByTestId("funnel-table")
    .locator(`tr[data-step="${step}"] td[data-value]`)
    .first()
    .getAttribute("data-value"))!;
}

test("[REPORTS] the coordinator opens /reports, filters by grade and sex and downloads the funnel CSV", async ({
  page,
}) => {
  await login(page, DEMO_ACCOUNTS.coordinator);
  await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Reportes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reportes" })).toBeVisible();
  // Territory-wide: the pilot's followed and alerted students, and the privacy note.
  expect(await funnelFigure(page, "followed")).toBe("2356");
  expect(await funnelFigure(page, "alerted")).toBe("278");
  await expect(page.getByText("Estos reportes no muestran nombres.")).toBeVisible();
  await expect(page.getByTestId("chart-funnel").locator("svg")).toBeVisible();

  // Filters: a plain GET form, so it works before hydration too.
  await page.getByText("Filtros del reporte").click();
  await page.getByLabel("Grado", { exact: true }).selectOption({ label: "2.°" });
  await page.getByLabel("Sexo", { exact: true }).selectOption({ label: "Mujeres" });
  await page.getByRole("button", { name: "Aplicar filtros" }).click();
  await page.waitForURL((url) => url.searchParams.get("grade") === "2" && url.searchParams.get("sex") === "F");
  await expect(page.getByTestId("report-scope")).toContainText("2.° grado · solo mujeres");
  // One grade and one sex: fewer students, and small counts hidden as "< 5".
  const followed = await funnelFigure(page, "followed");
  expect(Number(followed)).toBeLessThan(2356);
  await expect(page.locator('main [data-value="<5"]').first()).toBeAttached();
  await expect(page.getByTestId("grade-sex-table").locator("tbody tr")).toHaveCount(2); // 2.° and the total

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-funnel").click()]);
  expect(download.suggestedFilename()).toMatch(/^permanencia-funnel-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark
  const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
  const header = lines[0].split(";");
  expect(header.slice(0, 3)).toEqual(["Colegio", "Código modular", "Seguidos"]);
  expect(header).toContain("Casos cerrados por resultado: Abandonó");
  const total = lines.at(-1)!.split(";");
  expect(total[0]).toBe("Total");
  // The same filters and protection as the page.
  expect(total[2]).toBe(followed);
  expect(total[3]).toBe(await funnelFigure(page, "alerted"));
  expect(lines.join("\n")).toContain("<5");
});

test("[REPORTS] the psychologist prints a case summary with the full name; the print stylesheet leaves the document only", async ({
  page,
}) => {
  await login(page, DEMO_ACCOUNTS.psychologist);
  await page.goto("/cases");
  await page.getByTestId("case-list").getByRole("link").first().click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  const casePath = new URL(page.url()).pathname;
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(/^Caso de /, "");
  await page.getByRole("link", { name: "Resumen para imprimir" }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/print`);
  await expect(page.getByRole("heading", { level: 1, name: "Resumen del caso" })).toBeVisible();
  await expect(page.getByTestId("print-student")).toHaveText(title);
  await expect(page.getByRole("button", { name: "Imprimir" })).toBeVisible();
  // The print stylesheet leaves the document only.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Navegación principal" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimir" })).toBeHidden();
  await expect(page.getByTestId("case-print")).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await logout(page);
});

test("[REPORTS] the director prints a case of their school with the child's initials only", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.director);
  await page.goto("/cases");
  await page.getByTestId("case-list").getByRole("link").first().click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  const name = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(/^Caso de /, "");
  await page.getByRole("link", { name: "Resumen para imprimir" }).click();
  await expect(page.getByTestId("print-masked")).toBeVisible();
  const printed = (await page.getByTestId("print-student").textContent())!;
  expect(printed).toMatch(/^([A-ZÁÉÍÓÚÑ]\. ?)+$/);
  expect(printed).not.toContain(name.split(",")[0]);
});
