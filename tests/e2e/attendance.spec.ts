import { expect, test, type Locator } from "@playwright/test";
import { DEMO_ACCOUNTS, login } from "./fixtures";

// The tutor's phone: 360 × 740 with touch. Every interaction after the section is open goes
// through `tap`, so the test counts exactly what the tutor would do.
test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test("[ATTENDANCE] a tutor records 3 absences in a section in at most 5 taps and finds them saved after reload", async ({
  page,
}) => {
  await login(page, DEMO_ACCOUNTS.tutor);
  await page.goto("/attendance");

  // Open a section for today (the default day).
  const section = page.getByLabel("Sección");
  const firstSection = await section.locator("option:not([disabled])").first().getAttribute("value");
  expect(firstSection).toBeTruthy();
  await section.selectOption(firstSection!);
  await page.getByRole("button", { name: "Abrir lista" }).click();
  await expect(page.locator("#sheet-heading")).toBeVisible();
  const present = page.locator('button[data-student-id][data-status="PRESENT"]');
  await expect(present.first()).toBeVisible();
  // Hydrated: the sheet's buttons respond only once React is attached.
  await page.waitForFunction(() => {
    const el = document.querySelector("button[data-student-id]");
    return !!el && Object.keys(el).some((k) => k.startsWith("__reactProps"));
  });

  // Three students who are present now (the list may already hold a save from an earlier run).
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push((await present.nth(i).getAttribute("data-student-id"))!);
  const student = (id: string) => page.locator(`button[data-student-id="${id}"]`);

  let taps = 0;
  const tap = async (target: Locator) => {
    taps += 1;
    await target.tap();
  };
  for (const id of ids) {
    await tap(student(id));
    await expect(student(id)).toHaveAttribute("data-status", "UNJUSTIFIED");
    await expect(student(id)).toHaveAttribute("aria-pressed", "true");
    await expect(student(id)).toHaveAttribute("aria-label", /Falta injustificada/);
  }
  await tap(page.getByRole("button", { name: "Guardar", exact: true }));
  expect(taps).toBeLessThanOrEqual(5);

  const status = page.getByTestId("attendance-status");
  await expect(status).toContainText("Asistencia guardada:");
  await expect(status).toContainText("faltas injustificadas");

  await page.reload();
  for (const id of ids) await expect(student(id)).toHaveAttribute("data-status", "UNJUSTIFIED");
  await expect(page.getByTestId("attendance-status")).toContainText("Asistencia guardada:");
});

test("[ATTENDANCE] a future date is refused", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.tutor);
  await page.goto("/attendance");
  const value = await page.getByLabel("Sección").locator("option:not([disabled])").first().getAttribute("value");
  await page.goto(`/attendance?sec=${encodeURIComponent(value!)}&date=2099-01-05`);
  await expect(
    page.getByRole("alert").filter({ hasText: "No se puede registrar asistencia de una fecha futura." }),
  ).toBeVisible();
  await expect(page.locator("button[data-student-id]")).toHaveCount(0);
});
