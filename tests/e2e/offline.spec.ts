import { expect, test } from "@playwright/test";
import { mark, openOnSchoolDay, presentStudents, sectionKeys, student } from "./attendance-helpers";
import { DEMO_ACCOUNTS, login, waitForHydration } from "./fixtures";
import { queryServer } from "./server-database";

// A tutor's cheap phone with the signal gone: 360 × 740, touch, the network cut by the browser.
test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test("[OFFLINE] marks saved without connection stay on screen and on the phone, survive a reload, and reach the server exactly once when the connection returns", async ({
  page,
  context,
}) => {
  await login(page, DEMO_ACCOUNTS.tutor);
  const sec = (await sectionKeys(page))[1];
  const date = await openOnSchoolDay(page, sec);
  // The service worker keeps this page for a reload without connection.
  await page.waitForFunction(async () => {
    const cache = await caches.open("permanencia-attendance-pages");
    return Boolean(await cache.match(location.href, { ignoreVary: true }));
  });

  // What the server stored for this sheet: its saves (one audit entry per save that wrote
  // something) and the absent students' rows.
  const saves = async () =>
    (
      await queryServer<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'attendance.save' AND "entityId" = $1`,
        [`${sec}:${date}`],
      )
    )[0].n;
  const stored = async (ids: string[]) =>
    (
      await queryServer<{ status: string }>(
        `SELECT status::text FROM attendance WHERE "studentId" = ANY($1::uuid[]) AND date = $2::date`,
        [ids, date],
      )
    ).map((r) => r.status);
  const savesBefore = await saves();

  // Every save that reached the server and came back.
  const answered: number[] = [];
  page.on("requestfinished", async (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/attendance/save") {
      answered.push((await request.response())?.status() ?? 0);
    }
  });

  const absent = await presentStudents(page, 2);
  expect(await stored(absent)).not.toContain("UNJUSTIFIED");
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
  expect(await saves()).toBe(savesBefore);

  // The connection returns: the save goes by itself, once.
  await context.setOffline(false);
  await expect(bar).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
  await expect(page.getByTestId("offline-indicator")).toHaveText("");
  expect(answered).toEqual([200]);
  // Exactly once on the server: one more save of this sheet, the marks in its rows.
  expect(await saves()).toBe(savesBefore + 1);
  expect(await stored(absent)).toEqual(["UNJUSTIFIED", "UNJUSTIFIED"]);

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
  expect(await saves()).toBe(savesBefore + 1);
});

test("[OFFLINE] a visit outcome typed at the door stays on the phone, is not lost without connection, and is recorded once when it returns", async ({
  page,
  context,
}) => {
  await login(page, DEMO_ACCOUNTS.socialWorker);
  // A «Seguimiento» case other than the visits spec's: its family was reached, no figure moves.
  await page.goto("/cases?state=MONITORING");
  const casePath = await page.getByTestId("case-row").nth(2).getByRole("link").first().getAttribute("href");
  // The history's «Nadie en casa» entries before.
  await page.goto(`${casePath}/history`);
  const entries = page.getByTestId("case-timeline").locator('li[data-kind="HOME_VISIT"]', { hasText: "Nadie en casa" });
  await expect(page.getByTestId("case-timeline")).toBeVisible();
  const before = await entries.count();
  await page.goto(`${casePath}/visits/new`);
  await waitForHydration(page, "#visit-purpose");
  await page.getByRole("button", { name: "Programar visita" }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/visits`);
  await expect(page.getByTestId("case-visits").locator('li[data-status="SCHEDULED"]').first()).toBeVisible();
  await page
    .getByTestId("case-visits")
    .locator('li[data-status="SCHEDULED"]')
    .getByRole("link", { name: "Registrar resultado" })
    .first()
    .click();
  await waitForHydration(page, 'input[name="outcome"]');
  const visitPath = new URL(page.url()).pathname;

  await page.getByRole("radio", { name: /^Nadie en casa/ }).check();
  await page.getByLabel("Notas").fill("Se dejó citación con la vecina.");
  // Typed, then the page reloads (a closed tab, a dead battery): it comes back from the phone.
  page.once("dialog", (d) => void d.accept());
  await page.reload();
  await waitForHydration(page, 'input[name="outcome"]');
  await expect(page.getByText("Se recuperó lo que anotó en este teléfono")).toBeVisible();
  await expect(page.getByRole("radio", { name: /^Nadie en casa/ })).toBeChecked();
  await expect(page.getByLabel("Notas")).toHaveValue("Se dejó citación con la vecina.");

  const answered: number[] = [];
  page.on("requestfinished", async (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === `${visitPath}/outcome`) {
      answered.push((await request.response())?.status() ?? 0);
    }
  });
  await context.setOffline(true);
  await page.getByRole("button", { name: "Guardar resultado" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "No se pudo guardar el resultado: no hay conexión",
  );
  await expect(page.getByRole("radio", { name: /^Nadie en casa/ })).toBeChecked();
  await expect(page.getByLabel("Notas")).toHaveValue("Se dejó citación con la vecina.");

  await context.setOffline(false);
  await expect(page.getByRole("heading", { name: "Resultado registrado" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("visit-done")).toContainText("Se dejó citación con la vecina.");
  expect(answered).toEqual([200]);
  await page.goto(`${casePath}/history`);
  await expect(entries).toHaveCount(before + 1);
});

test("[OFFLINE] the save route refuses a post from another site, even with the user's session", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.tutor);
  const [sec] = await sectionKeys(page);
  const [schoolId, grade, section] = sec.split(":");
  const body = { schoolId, grade: Number(grade), section, date: "2026-01-05", marks: [] };
  const crossSite = await page.request.post("/attendance/save", {
    headers: { origin: "https://otro-sitio.example" },
    data: body,
  });
  expect(crossSite.status()).toBe(404);
  expect(await crossSite.json()).toMatchObject({ ok: false, code: "NOT_FOUND" });
  const tooLarge = await page.request.post("/attendance/save", {
    headers: { origin: new URL(page.url()).origin },
    data: { ...body, padding: "x".repeat(300 * 1024) },
  });
  expect(tooLarge.status()).toBe(422);
});
