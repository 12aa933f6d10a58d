import { expect, test } from "@playwright/test";
import { mark, openOnSchoolDay, presentStudents, sectionKeys, student } from "./attendance-helpers";
import { DEMO_ACCOUNTS, login, waitForHydration } from "./fixtures";

// A tutor's cheap phone with the signal gone: 360 × 740, touch, the network cut by the browser.
test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test("[OFFLINE] marks saved without connection stay on screen and on the phone, survive a reload, and reach the server exactly once when the connection returns", async ({
  page,
  context,
}) => {
  await login(page, DEMO_ACCOUNTS.tutor);
  const sec = (await sectionKeys(page))[1];
  await openOnSchoolDay(page, sec);
  // The service worker keeps this page for a reload without connection.
  await page.waitForFunction(async () => {
    const cache = await caches.open("permanencia-attendance-pages");
    return Boolean(await cache.match(location.href, { ignoreVary: true }));
  });

  // Every save that reached the server and came back.
  const answered: number[] = [];
  page.on("requestfinished", async (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/attendance/save") {
      answered.push((await request.response())?.status() ?? 0);
    }
  });

  const absent = await presentStudents(page, 2);
  for (const id of absent) await mark(page, id, "UNJUSTIFIED");

  await context.setOffline(true);
  await expect(page.getByTestId("offline-indicator")).toHaveText("Sin conexión");
  await page.getByRole("button", { name: "Guardar", exact: true }).tap();
  const bar = page.getByTestId("attendance-status");
  await expect(bar).toHaveAttribute("data-state", "waiting");
  await expect(bar).toContainText("No se pudo guardar la asistencia");
  await expect(page.getByText("Algo salió mal")).toHaveCount(0);
  for (const id of absent) await expect(student(page, id)).toHaveAttribute("data-status", "UNJUSTIFIED");

  // Still without connection: the page comes back from the phone, with the marks.
  page.once("dialog", (d) => void d.accept());
  await page.reload();
  await waitForHydration(page, "fieldset[data-student-id] input");
  for (const id of absent) await expect(student(page, id)).toHaveAttribute("data-status", "UNJUSTIFIED");
  await expect(page.getByText("no llegaron a guardarse; se enviarán cuando haya conexión")).toBeVisible();
  await expect(bar).toHaveAttribute("data-state", "waiting");
  expect(answered).toEqual([]);

  // The connection returns: the save goes by itself, once.
  await context.setOffline(false);
  await expect(bar).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
  await expect(page.getByTestId("offline-indicator")).toHaveText("");
  expect(answered).toEqual([200]);

  // The server holds it: a fresh load shows the marks saved, and the note of who saved it.
  await page.reload();
  for (const id of absent) await expect(student(page, id)).toHaveAttribute("data-status", "UNJUSTIFIED");
  await expect(bar).toHaveAttribute("data-state", "saved");
  const note = await bar.innerText();
  expect(note).toContain("Registrada el");
  expect(answered).toEqual([200]);

  // Sending the same sheet again changes nothing on the server: same record, same time.
  await waitForHydration(page, "fieldset[data-student-id] input");
  await page.getByRole("button", { name: "Guardar", exact: true }).tap();
  await expect.poll(() => answered.length).toBe(2);
  await expect(bar).toHaveAttribute("data-state", "saved");
  expect(await bar.innerText()).toBe(note);
});
