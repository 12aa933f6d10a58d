import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, login, waitForHydration } from "./fixtures";

test("[ALERTS] the administrator's rule table checks a threshold with the server's schema before sending, then saves only what changed", async ({
  page,
}) => {
  await login(page, DEMO_ACCOUNTS.admin);
  await page.goto("/admin/alert-rules");
  // One form for every school and rule; each cell is named by its school, rule and column.
  await expect(page.locator("main form")).toHaveCount(1);
  await waitForHydration(page, "main form button[type=submit]");
  const threshold = page.getByRole("textbox", { name: /Ausentismo crónico nivel 2 Umbral$/ }).first();
  await expect(threshold).toBeVisible();
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  const saved = await threshold.inputValue();
  const save = page.getByRole("button", { name: "Guardar reglas" });

  await threshold.fill("150");
  await save.click();
  // The schema's message is a catalogue key, shown in the reader's language beside the cell.
  await expect(page.getByText("El porcentaje debe estar entre 0 y 100.").first()).toBeVisible();
  await expect(threshold).toHaveAttribute("aria-invalid", "true");
  expect(posts).toEqual([]);

  const changed = String(Number(saved) + 1);
  await threshold.fill(changed);
  await save.click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "Se guardó 1 regla; las alertas de su colegio se recalculan.",
  );
  expect(posts).toHaveLength(1);
  await page.reload();
  await expect(threshold).toHaveValue(changed);

  await waitForHydration(page, "main form button[type=submit]");
  await threshold.fill(saved);
  await save.click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Se guardó 1 regla");
});
