import { expect, test, type Page } from "@playwright/test";
import { schoolId } from "../../prisma/seed/people";
import { DEMO_ACCOUNTS, login, waitForHydration } from "./fixtures";
import { demoPlan } from "./seed-figures";

// The referral loop in the browser (PRODUCT.md §3.7, docs/decisions/015-referrals.md): the social
// worker refers a case to DEMUNA on a phone, with the guardian's consent and a minimal packet;
// DEMUNA staff find it in their inbox, read only what it shares (also in the page's payload),
// accept it and close it with a counter-referral; the social worker reads the counter-referral
// on the case and is notified; DEMUNA of another district cannot open it. The tests run in order.

/** An open case of IE Trujillo A that no seed referral touched, in a state no other spec lists by. */
const { students, rows } = demoPlan;
const referred = new Set(rows.referrals.map((r) => r.caseId));
const evaluated = new Set(rows.evaluations.map((e) => e.caseId));
const kase = rows.cases
  .filter((c) => c.schoolId === schoolId("1000001") && ["CONTACTING", "INTERVENTION"].includes(c.state!))
  .filter((c) => !referred.has(c.id!) && !evaluated.has(c.id!))
  .filter((c) => students.find((s) => s.id === c.studentId)!.documentNumber)
  .sort((a, b) => (a.id! < b.id! ? -1 : 1))[0];
const student = students.find((s) => s.id === kase.studentId)!;
const studentName = `${student.paternalSurname} ${student.maternalSurname}, ${student.givenNames}`;
const casePath = `/cases/${kase.id}`;
/** A team note no referral here shares: it must never reach DEMUNA, not even in the payload. */
const NOTE = "Nota reservada: la madre pide reserva sobre su trabajo nocturno (marca R7Q-44).";
const COUNTER = "Entrevista con la madre y el estudiante; acta de compromiso de asistencia firmada.";
let referralPath = "";

test.describe.configure({ mode: "serial" });

async function phone(browser: import("@playwright/test").Browser): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
}

test("[REFERRALS] social@ refers a case to DEMUNA at 360 px with the guardian's consent and a minimal packet", async ({
  browser,
}) => {
  const page = await phone(browser);
  await login(page, DEMO_ACCOUNTS.socialWorker);
  await page.goto(`${casePath}/history`);
  await waitForHydration(page, "#case-note-body");
  await page.getByLabel("Nota", { exact: true }).fill(NOTE);
  await page.getByRole("button", { name: "Guardar nota" }).click();
  await expect(page.getByText("Nota guardada.")).toBeVisible();

  await page
    .getByTestId("case-tabs")
    .getByRole("link", { name: /^Derivaciones/ })
    .click();
  await page.waitForURL((url) => url.pathname === `${casePath}/referrals`);
  await page.getByRole("link", { name: "Nueva derivación" }).click();
  await page.waitForURL(`**${casePath}/referrals/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Nueva derivación" })).toBeVisible();
  await page.getByTestId("agency-choices").getByRole("link", { name: "DEMUNA Trujillo", exact: true }).click();
  await page.waitForURL(/\/referrals\/new\?agency=/);

  await waitForHydration(page, "#referral-reason");
  await page
    .getByLabel("Motivo", { exact: true })
    .fill("Inasistencias reiteradas; la familia pide orientación sobre la crianza.");
  // The default packet for DEMUNA, narrowed to who the student is and how to reach the family.
  const packet = page.getByRole("group", { name: "Secciones compartidas" });
  await expect(packet.getByLabel("Asistencia y alertas")).toBeChecked();
  for (const section of ["Asistencia y alertas", "Visitas domiciliarias", "Nivel de riesgo (sin respuestas)"])
    await packet.getByLabel(section).uncheck();
  await expect(packet.getByLabel("Notas del equipo")).not.toBeChecked();

  // No legal basis: refused, naming the field.
  await page.getByRole("button", { name: "Enviar derivación" }).click();
  await expect(page.getByText("Falta la base legal («Base legal»)").first()).toBeVisible();

  await page.getByRole("radio", { name: "Consentimiento del apoderado" }).check();
  await expect(page.getByLabel("Quién consintió")).toHaveValue(student.guardianName);
  await expect(page.getByTestId("protection-details")).toHaveCount(0);
  await page.getByLabel("Forma", { exact: true }).selectOption({ label: "Por escrito (acta firmada)" });
  await page.getByRole("button", { name: "Enviar derivación" }).click();

  await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
  referralPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("referral-state")).toContainText("Enviada");
  await expect(page.getByTestId("referral-shared")).toHaveText("Identificación del estudiante, Dirección y teléfonos");
  await expect(page.getByTestId("referral-basis")).toHaveText("Consentimiento del apoderado");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Back on the case: the referral, waiting, with its deadline.
  await page.getByRole("link", { name: "Ir al caso" }).click();
  const onCase = page.getByTestId("case-referral").filter({ hasText: "DEMUNA Trujillo" });
  await expect(onCase).toHaveAttribute("data-status", "SENT");
  await expect(onCase).toContainText("Responder hasta el");
});

test("[REFERRALS] demuna@ finds it in /referrals, reads only what it shares, accepts it and closes it with a counter-referral", async ({
  page,
}) => {
  expect(referralPath).not.toBe("");
  await login(page, DEMO_ACCOUNTS.demuna);
  await page
    .getByRole("navigation", { name: "Navegación principal" })
    .getByRole("link", { name: "Derivaciones" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Derivaciones" })).toBeVisible();
  await page.getByRole("link", { name: "Por responder" }).click();
  await page.waitForURL(/status=SENT/);
  const row = page.getByTestId("referral-row").filter({ hasText: studentName });
  await expect(row).toHaveAttribute("data-status", "SENT");
  await row.getByRole("link", { name: `Abrir la derivación de ${studentName}` }).click();
  await page.waitForURL(`**${referralPath}`);

  // Exactly the two shared sections: identification and contact; no attendance, no note.
  const shared = page.getByTestId("shared-case");
  await expect(shared.getByText(student.addressStreet)).toBeVisible();
  await expect(shared.getByText(student.documentNumber!)).toBeVisible();
  await expect(page.locator("#case-evaluations, #case-visits")).toHaveCount(0);
  await expect(shared.getByTestId("case-timeline").locator('li[data-kind="ABSENCE"]')).toHaveCount(0);
  expect(await page.content()).not.toContain("R7Q-44");
  // Nor in the server components' payload a client navigation would fetch.
  const rsc = await page.request.get(referralPath, { headers: { RSC: "1" } });
  expect(rsc.status()).toBe(200);
  const payload = await rsc.text();
  expect(payload).toContain(student.addressStreet);
  expect(payload).not.toContain("R7Q-44");

  await waitForHydration(page, "[data-testid=referral-answers] button");
  await page.getByRole("button", { name: "Aceptar la derivación" }).click();
  await expect(page.getByTestId("referral-state")).toContainText("Aceptada");

  const close = page.getByRole("form", { name: "Cerrar con contrarreferencia" });
  await close.getByLabel("Qué se hizo").fill(COUNTER);
  await close
    .getByLabel("Siguientes pasos")
    .fill("Seguimiento mensual de la DEMUNA; el colegio informa inasistencias.");
  await close.getByLabel("Sí, el colegio retoma el seguimiento").check();
  await close.getByRole("button", { name: "Cerrar y enviar la contrarreferencia" }).click();
  await expect(page.getByTestId("referral-state")).toContainText("Cerrada");

  // Closed: its own referral and counter-referral, read-only, the student by initials, no case.
  await expect(page.getByTestId("counter-referral")).toHaveText(COUNTER);
  await expect(page.getByTestId("shared-case")).toHaveCount(0);
  await expect(page.getByTestId("referral-answers")).toHaveCount(0);
  expect(await page.content()).not.toContain(studentName);
  await page.goto(casePath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Página no encontrada");
});

test("[REFERRALS] demuna.sjl@ cannot open the Trujillo referral: not found, no data in the page", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.demunaSjl);
  await page.goto(referralPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Página no encontrada");
  const html = await page.content();
  for (const secret of [student.paternalSurname, student.givenNames, COUNTER, "DEMUNA Trujillo"])
    expect(html).not.toContain(secret);
});

test("[REFERRALS] social@ reads the counter-referral on the case timeline and is notified", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.socialWorker);
  await expect(page.getByTestId("notifications-unread")).toBeVisible();
  await page.goto(`${casePath}/history`);
  const entry = page
    .getByTestId("case-timeline")
    .locator('li[data-kind="REFERRAL_UPDATE"]')
    .filter({ hasText: "DEMUNA Trujillo cerró la atención y envió la contrarreferencia" });
  await expect(entry).toContainText(`Qué se hizo: ${COUNTER}`);
  await expect(entry).toContainText("El caso vuelve al equipo del colegio.");
  await page.goto(`${casePath}/referrals`);
  await expect(page.getByTestId("case-referral").filter({ hasText: "DEMUNA Trujillo" })).toHaveAttribute(
    "data-status",
    "CLOSED",
  );

  await page.getByTestId("notifications-link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Notificaciones" })).toBeVisible();
  const closed = page
    .getByTestId("notification-list")
    .getByRole("listitem")
    .filter({ hasText: "DEMUNA Trujillo cerró la derivación y envió su contrarreferencia." });
  await expect(closed.first()).toBeVisible();
  await closed.first().getByRole("link", { name: "Ver derivación" }).click();
  await page.waitForURL(`**${referralPath}`);
  await expect(page.getByTestId("counter-referral")).toHaveText(COUNTER);
});
