import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, login } from "./fixtures";

test("[ALERTS] the administrator's rule form checks a threshold with the server's schema before sending, then saves", async ({
  page,
}) => {
  await login(page, DEMO_ACCOUNTS.admin);
  await page.goto("/admin/alert-rules");
  // A percentage rule of the first school (each rule is its own form, named by its heading).
  const rule = page.getByRole("form", { name: "Ausentismo crónico nivel 2" }).first();
  await expect(rule).toBeVisible();
  // Hydrated: the form validates on the client only once React is attached.
  await page.waitForFunction(() => {
    const el = document.querySelector("main form button");
    return !!el && Object.keys(el).some((k) => k.startsWith("__reactProps"));
  });
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  const threshold = rule.getByLabel("Umbral");
  const saved = await threshold.inputValue();

  await threshold.fill("150");
  await rule.getByRole("button", { name: "Guardar" }).click();
  // The schema's message is a catalogue key, shown in the reader's language on the field.
  await expect(rule.getByText("El porcentaje debe estar entre 0 y 100.")).toBeVisible();
  await expect(threshold).toHaveValue("150");
  await expect(threshold).toHaveAttribute("aria-invalid", "true");
  expect(posts).toEqual([]);

  await threshold.fill(saved);
  await rule.getByRole("button", { name: "Guardar" }).click();
  await expect(rule.getByRole("status")).toHaveText("Regla guardada.");
  expect(posts).toHaveLength(1);
  await page.reload();
  await expect(rule.getByLabel("Umbral")).toHaveValue(saved);
});
