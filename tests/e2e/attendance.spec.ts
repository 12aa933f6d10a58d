import { expect, test, type Page } from "@playwright/test";
import { todayInLima } from "../../lib/format/date";
import { mark, openOnSchoolDay, presentStudents, sectionKeys, shiftIso, student } from "./attendance-helpers";
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
      const row = el?.closest("fieldset[data-student-id]");
      if (row) return `${row.getAttribute("data-student-id")}:${el?.getAttribute("data-mark")}`;
      return el?.textContent?.trim() ?? "page";
    };
    document.addEventListener("pointerdown", (e) => e.isTrusted && log.push(describe(e.target)), true);
    document.addEventListener("keydown", (e) => e.isTrusted && log.push(`key ${e.key}`), true);
  });
}

const interactions = (page: Page) =>
  page.evaluate(() => (window as unknown as { __interactions: string[] }).__interactions);

test("[ATTENDANCE] two absences and a late arrival take one tap each; the confirmation appears beside «Guardar» and survives a reload", async ({
  page,
}) => {
  await login(page, DEMO_ACCOUNTS.tutor);
  const [sec] = await sectionKeys(page);
  await openOnSchoolDay(page, sec);

  // The first student is on the first screen, above the save bar.
  const first = page.locator("fieldset[data-student-id]").first();
  const bar = page.getByTestId("attendance-status");
  const [firstBox, barBox] = [await first.boundingBox(), await bar.boundingBox()];
  expect(firstBox!.y + firstBox!.height).toBeLessThanOrEqual(barBox!.y);

  const [a, b, c] = await presentStudents(page, 3);
  await recordInteractions(page);
  await mark(page, a, "UNJUSTIFIED");
  await mark(page, b, "UNJUSTIFIED");
  await mark(page, c, "LATE");
  await expect(student(page, c).getByRole("radio", { name: "Tardanza" })).toBeChecked();
  await expect(bar).toHaveAttribute("data-state", "unsaved");
  await page.getByRole("button", { name: "Guardar", exact: true }).tap();

  await expect(bar).toHaveAttribute("data-state", "saved");
  await expect(bar).toContainText("Asistencia guardada:");
  await expect(bar).toContainText("faltas injustificadas");
  await expect(bar).toContainText("Registrada el");
  // Beside the button, on screen without scrolling.
  await expect(bar).toBeInViewport();
  await expect(page.getByRole("button", { name: "Guardar", exact: true })).toBeInViewport();
  // One tap per student and one to save: nothing else was needed.
  expect(await interactions(page)).toEqual([`${a}:UNJUSTIFIED`, `${b}:UNJUSTIFIED`, `${c}:LATE`, "Guardar"]);

  await page.reload();
  await expect(student(page, a)).toHaveAttribute("data-status", "UNJUSTIFIED");
  await expect(student(page, b)).toHaveAttribute("data-status", "UNJUSTIFIED");
  await expect(student(page, c)).toHaveAttribute("data-status", "LATE");
  await expect(bar).toHaveAttribute("data-state", "saved");
});

test("[ATTENDANCE] a Saturday asks before saving, because the day becomes a school day", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.tutor);
  const sec = (await sectionKeys(page))[3];
  let saturday = todayInLima();
  while (new Date(`${saturday}T00:00:00Z`).getUTCDay() !== 6) saturday = shiftIso(saturday, -1);
  await page.goto(`/attendance?sec=${encodeURIComponent(sec)}&date=${saturday}`);
  await expect(page.getByTestId("non-school-day")).toHaveText("Sábado: no hay clases.");
  await waitForHydration(page, "fieldset[data-student-id] input");
  const posts: string[] = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));

  const bar = page.getByTestId("attendance-status");
  await page.getByRole("button", { name: "Guardar", exact: true }).tap();
  await expect(bar).toHaveAttribute("data-state", "confirm");
  await expect(bar).toContainText("¿Guardar la asistencia de un día sin clases?");
  expect(posts).toEqual([]);
  await page.getByRole("button", { name: "Cancelar" }).tap();
  await expect(bar).toHaveAttribute("data-state", "notSaved");

  await page.getByRole("button", { name: "Guardar", exact: true }).tap();
  await page.getByRole("button", { name: "Sí, guardar" }).tap();
  await expect(bar).toHaveAttribute("data-state", "saved");
  expect(posts).toHaveLength(1);
});

test("[ATTENDANCE] leaving with unsaved marks asks first, and the marks wait on the phone", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.tutor);
  const sec = (await sectionKeys(page))[4];
  await openOnSchoolDay(page, sec);
  const [a] = await presentStudents(page, 1);
  await mark(page, a, "JUSTIFIED");

  // A link inside the app: the app's own question; staying keeps the page.
  const asked: string[] = [];
  page.once("dialog", (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByText("Menú").tap();
  await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Inicio" }).tap();
  await expect.poll(() => asked).toEqual([expect.stringContaining("Hay marcas de asistencia sin guardar")]);
  expect(new URL(page.url()).pathname).toBe("/attendance");

  // A reload: the browser's own prompt (accepted here); the mark comes back from the phone.
  page.once("dialog", (d) => void d.accept());
  await page.reload();
  await expect(student(page, a)).toHaveAttribute("data-status", "JUSTIFIED");
  await expect(page.getByText("Se recuperaron marcas de este teléfono")).toBeVisible();
});

test("[ATTENDANCE] a future date is refused", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.tutor);
  const [sec] = await sectionKeys(page);
  await page.goto(`/attendance?sec=${encodeURIComponent(sec)}&date=2099-01-05`);
  await expect(
    page.getByRole("alert").filter({ hasText: "No se puede registrar asistencia de una fecha futura." }),
  ).toBeVisible();
  await expect(page.locator("fieldset[data-student-id]")).toHaveCount(0);
});
