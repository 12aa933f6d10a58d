import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, login, waitForHydration } from "./fixtures";

// The tutor's phone: 360 × 740 with touch.
test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

/**
 * Records every touch, click and key press the browser itself reports (trusted events only:
 * script-made events do not count), so the test measures what the tutor did on the page,
 * whichever way the test drove it. Each entry names what was touched.
 */
async function recordInteractions(page: Page) {
  await page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { __interactions: string[] }).__interactions = log;
    const describe = (target: EventTarget | null) => {
      const el = target instanceof Element ? target.closest("button, a, input, select, label, textarea") : null;
      return el?.getAttribute("data-student-id") ?? el?.textContent?.trim() ?? "page";
    };
    document.addEventListener("pointerdown", (e) => e.isTrusted && log.push(describe(e.target)), true);
    document.addEventListener("keydown", (e) => e.isTrusted && log.push(`key ${e.key}`), true);
  });
}

const interactions = (page: Page) =>
  page.evaluate(() => (window as unknown as { __interactions: string[] }).__interactions);

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
  // The sheet's buttons respond only once React is attached.
  await waitForHydration(page, "button[data-student-id]");

  // Three students who are present now (the list may already hold a save from an earlier run).
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push((await present.nth(i).getAttribute("data-student-id"))!);
  const student = (id: string) => page.locator(`button[data-student-id="${id}"]`);

  // From the open sheet on, count what the page receives.
  await recordInteractions(page);
  for (const id of ids) {
    await student(id).tap();
    await expect(student(id)).toHaveAttribute("data-status", "UNJUSTIFIED");
    await expect(student(id)).toHaveAttribute("aria-pressed", "true");
    await expect(student(id)).toHaveAttribute("aria-label", /Falta injustificada/);
  }
  await page.getByRole("button", { name: "Guardar", exact: true }).tap();

  const status = page.getByTestId("attendance-status");
  await expect(status).toContainText("Asistencia guardada:");
  await expect(status).toContainText("faltas injustificadas");
  // One tap per absent student and one to save: nothing else was needed.
  const taps = await interactions(page);
  expect(taps).toEqual([...ids, "Guardar"]);
  expect(taps.length).toBeLessThanOrEqual(5);

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
