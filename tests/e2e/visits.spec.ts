import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, login, waitForHydration } from "./fixtures";

// Home visits on a 360 × 740 phone, as the social worker does them: "Mis visitas", a failed
// visit ("dirección no encontrada"), the next attempt scheduled in one tap with the same
// details, then a contact with a corrected address. The case timeline shows both visits and
// the student's record the new address and its history.
//
// The case is one «Seguimiento» case of the demo: its family was reached long ago, so neither
// the reachability figures (100 of 278, reachability.spec) nor any case state changes here.
test.use({ viewport: { width: 360, height: 740 } });

async function openMenuLink(page: Page, name: string) {
  await page.locator("summary", { hasText: "Menú" }).click();
  await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name }).click();
}

/** The visit row of `student` in "Mis visitas", and its "Registrar resultado" link. */
function visitRow(root: Page | Locator, student: string) {
  const page = "page" in root ? root.page() : root;
  return root.getByTestId("visit-row").filter({ has: page.getByRole("link", { name: student, exact: true }) });
}

/** Timeline entries of home visits whose text matches, on the case page. */
const visitEntries = (page: Page, text: string) =>
  page.getByTestId("case-timeline").locator('li[data-kind="HOME_VISIT"]').filter({ hasText: text });

test("[VISITS] the social worker records a visit with the address not found, schedules the next attempt, then a contact with a corrected address", async ({
  page,
}) => {
  const street = `Psje. Los Geranios ${Date.now() % 100000}`;
  await login(page, DEMO_ACCOUNTS.socialWorker);

  // A case in «Seguimiento»: the first visit is planned from the case page.
  await page.goto("/cases?state=MONITORING");
  const caseLink = page.getByTestId("case-row").first().getByRole("link").first();
  const student = ((await caseLink.textContent()) ?? "").trim();
  expect(student).toContain(",");
  await caseLink.click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  const casePath = new URL(page.url()).pathname;
  // The demo's own history of this case may hold earlier visits: count what is added.
  await page.getByTestId("case-tabs").getByRole("link", { name: "Historial" }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/history`);
  await expect(page.getByTestId("case-timeline")).toBeVisible();
  const notFoundBefore = await visitEntries(page, "Visita domiciliaria: Dirección no encontrada").count();
  const scheduledBefore = await visitEntries(page, "Visita programada para el").count();
  const metBefore = await visitEntries(page, "Se habló con: La madre, apoderada · Dirección corregida").count();
  // The case's visits tab, then its plan button.
  await page.getByTestId("case-tabs").getByRole("link", { name: "Visitas y contacto" }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/visits`);
  await page.getByRole("link", { name: "Programar visita" }).click();
  await page.waitForURL(`**${casePath}/visits/new`);
  await expect(page.getByTestId("address-verified")).toBeVisible();
  await waitForHydration(page, "#visit-purpose");
  await expect(page.getByRole("radio", { name: "Mañana" })).toBeChecked();
  await page.getByRole("button", { name: "Programar visita" }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/visits`);
  await expect(page.getByTestId("case-visits").locator('li[data-status="SCHEDULED"]')).toHaveCount(1);

  // «Mis visitas»: today's visit, with its address and phones that dial on tap.
  await openMenuLink(page, "Mis visitas");
  await expect(page.getByRole("heading", { level: 1, name: "Mis visitas" })).toBeVisible();
  const today = page.getByTestId("visits-today");
  await expect(visitRow(today, student)).toHaveCount(1);
  await expect(visitRow(today, student).locator('a[href^="tel:"]').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Taps 1–3: «Registrar resultado», «Dirección no encontrada», «Guardar resultado».
  await visitRow(today, student)
    .getByRole("link", { name: `Registrar resultado de la visita a ${student}` })
    .click();
  await waitForHydration(page, 'input[name="outcome"]');
  await page.getByRole("radio", { name: /^Dirección no encontrada/ }).check();
  await page.getByRole("button", { name: "Guardar resultado" }).click();
  await expect(page.getByRole("heading", { name: "Resultado registrado" })).toBeVisible();
  await expect(page.getByTestId("visit-done")).toContainText("Dirección no encontrada");
  await expect(page.getByTestId("visit-done")).toContainText("La registrada no era correcta");

  // Tap 4: the next attempt, prefilled with the same half-day, assignee and purpose.
  await waitForHydration(page, "#next-visit-purpose");
  await expect(page.getByLabel("Propósito")).not.toHaveValue("");
  await page.getByRole("button", { name: "Programar siguiente intento" }).click();
  await expect(page.getByTestId("next-visit")).toContainText("Siguiente intento programado para el");

  // The second attempt is on the route; the family is found and gives the right address.
  await openMenuLink(page, "Mis visitas");
  const second = visitRow(page, student);
  await expect(second).toHaveCount(1);
  await expect(second).toContainText(/Intento \d/);
  await second.getByRole("link", { name: `Registrar resultado de la visita a ${student}` }).click();
  await waitForHydration(page, 'input[name="outcome"]');
  await page.getByRole("radio", { name: /^Contactado/ }).check();
  await page.getByLabel("¿Con quién se habló?").fill("La madre, apoderada");
  await page.getByRole("radio", { name: "Corregirla" }).check();
  await page.getByLabel("Dirección", { exact: true }).fill(street);
  await page.getByLabel("Referencia").fill("Frente a la losa deportiva");
  await page.getByLabel("Distrito").fill("La Esperanza");
  await page.getByRole("button", { name: "Guardar resultado" }).click();
  await expect(page.getByRole("heading", { name: "Resultado registrado" })).toBeVisible();
  await expect(page.getByTestId("visit-done")).toContainText(`Corregida: ${street}, Frente a la losa deportiva`);
  await expect(page.getByTestId("next-visit")).toHaveCount(0);

  // The case: both visits in its history, then in the visits tab's list.
  await page.getByRole("link", { name: "Ver el caso" }).first().click();
  await page.waitForURL((url) => url.pathname === casePath);
  await page.getByTestId("case-tabs").getByRole("link", { name: "Historial" }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/history`);
  await expect(visitEntries(page, "Visita programada para el")).toHaveCount(scheduledBefore + 2);
  await expect(visitEntries(page, "Visita domiciliaria: Dirección no encontrada")).toHaveCount(notFoundBefore + 1);
  await expect(
    visitEntries(page, "Visita domiciliaria: Contactado").filter({
      hasText: "Se habló con: La madre, apoderada · Dirección corregida",
    }),
  ).toHaveCount(metBefore + 1);
  await page.getByTestId("case-tabs").getByRole("link", { name: "Visitas y contacto" }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/visits`);
  const done = page.getByTestId("case-visits").locator('li[data-status="DONE"]');
  await expect(done.filter({ hasText: "Se habló con: La madre, apoderada" })).toHaveCount(metBefore + 1);

  // The student's record: the new address, verified today, and where it came from.
  await page.goBack();
  await page.waitForURL((url) => url.pathname === `${casePath}/history`);
  await page.goBack();
  await page.waitForURL((url) => url.pathname === casePath);
  await page.goBack();
  await page.getByRole("link", { name: "Ficha del estudiante" }).click();
  await page.waitForURL(/\/students\/[0-9a-f-]{36}$/);
  const contacts = page.getByRole("region", { name: "Contactos" });
  await expect(contacts).toContainText(street);
  await expect(contacts).toContainText("La Esperanza");
  const history = page.getByTestId("address-history").locator('li[data-kind="CORRECTED"]').first();
  await expect(history).toContainText("Dirección corregida");
  await expect(history).toContainText(`${street}, Frente a la losa deportiva, La Esperanza`);
  await expect(history).toContainText("Antes");
  await expect(history.getByRole("link", { name: /^En la visita del/ })).toHaveAttribute("href", casePath);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("[VISITS] a visit planned and recorded before the page is interactive (no JavaScript yet) is saved", async ({
  browser,
}) => {
  const signedIn = await (await browser.newContext()).newPage();
  await login(signedIn, DEMO_ACCOUNTS.socialWorker);
  // The same session in a browser that runs no script: what a slow phone does before hydration.
  const plain = await browser.newContext({
    storageState: await signedIn.context().storageState(),
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  const page = await plain.newPage();
  // Another «Seguimiento» case than the first test's: a reached family, so no figure moves.
  await page.goto("/cases?state=MONITORING");
  const casePath = await page.getByTestId("case-row").nth(1).getByRole("link").first().getAttribute("href");
  expect(casePath).toMatch(/^\/cases\/[0-9a-f-]{36}$/);

  await page.goto(`${casePath}/visits/new`);
  await page.getByRole("radio", { name: "Tarde" }).check();
  await page.getByRole("button", { name: "Programar visita" }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/visits`);
  const pending = page.getByTestId("case-visits").locator('li[data-status="SCHEDULED"]');
  await expect(pending).toHaveCount(1);

  await pending.getByRole("link", { name: "Registrar resultado" }).click();
  await page.getByRole("radio", { name: /^Nadie en casa/ }).check();
  await page.getByRole("button", { name: "Guardar resultado" }).click();
  await page.waitForLoadState("load");
  expect(new URL(page.url()).search).toBe("");
  await expect(page.getByRole("heading", { name: "Resultado registrado" })).toBeVisible();
  await expect(page.getByTestId("visit-done")).toContainText("Nadie en casa");
  await expect(page.getByRole("button", { name: "Programar siguiente intento" })).toBeVisible();
  await plain.close();
  await signedIn.context().close();
});
