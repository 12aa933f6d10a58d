import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, login, logout, waitForHydration } from "./fixtures";

// Server-action forms answer in place only once React is attached to them (waitForHydration).

test("[CASES] a director opens a case from an alert and assigns the social worker, who finds it in «Mis casos»; an invalid step is refused in Spanish", async ({
  page,
}) => {
  // The director reviews the alert inbox and opens a case for a student who has none yet.
  await login(page, DEMO_ACCOUNTS.director);
  await page.goto("/alerts");
  const openCase = page.getByRole("button", { name: "Abrir caso", exact: true }).first();
  await expect(openCase).toBeVisible();
  await waitForHydration(page, "main form button");
  await openCase.click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  const casePath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Caso de");
  await expect(page.getByTestId("case-state").locator("[data-state]")).toHaveAttribute("data-state", "OPEN");

  // Assign the school's social worker.
  await waitForHydration(page, "#case-assign-user");
  const assignee = page.getByLabel("Asignar a");
  const option = assignee.locator("option", { hasText: "Trabajador(a) social" }).first();
  const socialName = ((await option.textContent()) ?? "").split(" · ")[0].trim();
  expect(socialName).not.toBe("");
  await assignee.selectOption({ value: (await option.getAttribute("value"))! });
  await page.getByRole("button", { name: "Asignar", exact: true }).click();
  await expect(page.getByText("Asignación guardada.")).toBeVisible();
  await expect(page.getByTestId("case-team")).toContainText(socialName);
  // Both steps are in the case's history, a tab away.
  await page.getByTestId("case-tabs").getByRole("link", { name: "Historial" }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/history`);
  await expect(page.getByTestId("case-timeline")).toContainText("Caso abierto desde una alerta");
  await expect(page.getByTestId("case-timeline")).toContainText(`Se asignó a ${socialName}`);
  await logout(page);

  // The social worker finds the case under «Mis casos».
  await login(page, DEMO_ACCOUNTS.socialWorker);
  await page.goto("/cases");
  await page.getByRole("link", { name: "Mis casos" }).click();
  await page.waitForURL(/assignee=me/);
  const link = page.locator(`a[href="${casePath}"]`);
  await expect(link).toBeVisible();
  await link.click();
  await page.waitForURL((url) => url.pathname === casePath);

  // «Nuevo estado» starts empty: one stray click on «Guardar estado» moves nothing.
  await waitForHydration(page, "#case-state-to");
  await expect(page.getByLabel("Nuevo estado")).toHaveValue("");
  await page.getByRole("button", { name: "Guardar estado" }).click();
  await expect(page.getByText("Elija el nuevo estado del caso.").first()).toBeVisible();
  await expect(page.getByTestId("case-state").locator("[data-state]")).toHaveAttribute("data-state", "OPEN");

  // Jumping from «Abierto» straight to «Seguimiento» is refused, with the allowed step named.
  await page.getByLabel("Nuevo estado").selectOption({ label: "Seguimiento" });
  await page.getByRole("button", { name: "Guardar estado" }).click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "No se puede pasar de «Abierto» a «Seguimiento». Pasos permitidos: «En contacto»." }),
  ).toBeVisible();
  await expect(page.getByLabel("Nuevo estado")).toHaveValue("MONITORING");

  // Nothing changed; the allowed step works.
  await page.reload();
  await expect(page.getByTestId("case-state").locator("[data-state]")).toHaveAttribute("data-state", "OPEN");
  await waitForHydration(page, "#case-state-to");
  await page.getByLabel("Nuevo estado").selectOption({ label: "En contacto" });
  await page.getByRole("button", { name: "Guardar estado" }).click();
  await expect(page.getByText("Estado actualizado.")).toBeVisible();
  await expect(page.getByTestId("case-state").locator("[data-state]")).toHaveAttribute("data-state", "CONTACTING");
  await page.getByTestId("case-tabs").getByRole("link", { name: "Historial" }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/history`);
  await expect(page.getByTestId("case-timeline")).toContainText("Estado: «Abierto» → «En contacto»");
  await waitForHydration(page, "#case-note-body");

  // An empty note is stopped in the browser with the field's own message and focus on it.
  const events = await page.getByTestId("case-timeline").locator("li").count();
  await page.getByRole("button", { name: "Guardar nota" }).click();
  const note = page.getByLabel("Nota", { exact: true });
  await expect(note).toHaveAttribute("aria-invalid", "true");
  await expect(note).toBeFocused();
  await expect(page.getByText("Escriba la nota.")).toBeVisible();
  // Typing clears the message; the note is then saved and appears once.
  await note.fill("Llamada a la madre: confirma que vuelve el lunes.");
  await expect(note).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Guardar nota" }).click();
  await expect(page.getByText("Nota guardada.")).toBeVisible();
  await expect(note).toHaveValue("");
  await expect(page.getByTestId("case-timeline").locator("li")).toHaveCount(events + 1);
});

test("[CASES] two people saving the same case: the second gets the conflict message, keeps their text, and reloads", async ({
  browser,
}) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await login(first, DEMO_ACCOUNTS.director);
  await login(second, DEMO_ACCOUNTS.socialWorker);
  // The history of a case of the director's school, open in both browsers.
  await first.goto("/cases?state=CONTACTING");
  const href = await first.locator('[data-testid="case-row"] a').first().getAttribute("href");
  expect(href).toMatch(/^\/cases\//);
  await first.goto(`${href}/history`);
  await second.goto(`${href}/history`);
  await waitForHydration(first, "#case-note-body");
  await waitForHydration(second, "#case-note-body");

  await first.getByLabel("Nota", { exact: true }).fill("Nota de la dirección: la madre vendrá el lunes.");
  await first.getByRole("button", { name: "Guardar nota" }).click();
  await expect(first.getByText("Nota guardada.")).toBeVisible();

  const text = "Nota del equipo escrita sobre la versión anterior.";
  await second.getByLabel("Nota", { exact: true }).fill(text);
  await second.getByRole("button", { name: "Guardar nota" }).click();
  await expect(
    second.getByRole("alert").filter({
      hasText:
        "Otra persona modificó este caso mientras usted lo editaba. Recargue para ver los cambios; sus cambios no se guardaron.",
    }),
  ).toBeVisible();
  await expect(second.getByLabel("Nota", { exact: true })).toHaveValue(text);
  await expect(second.getByTestId("case-timeline")).not.toContainText(text);

  await second.getByRole("button", { name: "Recargar el caso" }).click();
  await expect(second.getByText("Se cargó la versión más reciente del caso.")).toBeVisible();
  await expect(second.getByTestId("case-timeline")).toContainText("la madre vendrá el lunes");
  await second.getByRole("button", { name: "Guardar nota" }).click();
  await expect(second.getByText("Nota guardada.")).toBeVisible();
  await expect(second.getByTestId("case-timeline")).toContainText(text);
  await first.context().close();
  await second.context().close();
});

test("[CASES] a note sent before the page is interactive (no JavaScript yet) is posted to the action and saved", async ({
  browser,
}) => {
  const signedIn = await (await browser.newContext()).newPage();
  await login(signedIn, DEMO_ACCOUNTS.director);
  await signedIn.goto("/cases?state=CONTACTING");
  const href = await signedIn.locator('[data-testid="case-row"] a').first().getAttribute("href");
  expect(href).toMatch(/^\/cases\//);
  // The same session in a browser that runs no script: what a slow phone does before hydration.
  const plain = await browser.newContext({
    storageState: await signedIn.context().storageState(),
    javaScriptEnabled: false,
  });
  const page = await plain.newPage();
  await page.goto(`${href}/history`);
  const text = "Nota enviada sin JavaScript: la familia confirmó la visita.";
  await page.getByLabel("Nota", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Guardar nota" }).click();
  await page.waitForLoadState("load");
  expect(new URL(page.url()).pathname).toBe(`${href}/history`);
  expect(new URL(page.url()).search).toBe("");
  await expect(page.getByTestId("case-timeline")).toContainText(text);
  await plain.close();
  await signedIn.context().close();
});
