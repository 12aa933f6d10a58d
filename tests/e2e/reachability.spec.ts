import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, login } from "./fixtures";

// The reachability report on the demo data: the pilot's 100 of 278 alerted students reached,
// the reasons for the others, and small counts hidden from the coordinator.
test.describe.configure({ mode: "parallel" });

test("[REPORTS] the social worker sees 100 of 278 alerted students reached, with reasons, and can narrow to one school", async ({
  page,
}) => {
  await login(page, DEMO_ACCOUNTS.socialWorker);
  await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Reportes" }).click();
  await page.getByRole("link", { name: "Abrir el reporte de contacto con las familias" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contacto con las familias" })).toBeVisible();
  await expect(page.getByTestId("reach-summary")).toHaveText(
    "100 de 278 estudiantes con alerta fueron contactados (36 %).",
  );
  const reasons = page.getByTestId("reach-reasons");
  await expect(reasons.getByRole("rowheader", { name: "Dirección no encontrada" })).toBeVisible();
  await expect(page.getByTestId("reach-by-school").getByRole("row")).toHaveCount(6);

  await page.getByRole("link", { name: "IE San Juan de Lurigancho" }).click();
  await expect(page.getByRole("link", { name: "IE San Juan de Lurigancho" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("reach-by-school")).toHaveCount(0);
  await expect(page.getByTestId("reach-summary")).toContainText("estudiantes con alerta fueron contactados");
});

test("[REPORTS] the coordinator sees the same total with small counts shown as < 5", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.coordinator);
  await page.goto("/reports/reachability");
  await expect(page.getByTestId("reach-summary")).toHaveText(
    "100 de 278 estudiantes con alerta fueron contactados (36 %).",
  );
  await expect(page.locator('[data-value="<5"]').first()).toBeVisible();
  await expect(page.getByText("los conteos menores de 5 se muestran")).toBeVisible();
});

test("[REPORTS] a tutor has no reachability report", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.tutor);
  const response = await page.goto("/reports/reachability");
  expect(response?.status()).toBe(404);
});
