import { expect, test, type Page } from "@playwright/test";
import { RISK_INSTRUMENT_V1, RISK_INSTRUMENT_V2 } from "../../lib/risk/instrument";
import { riskItemId } from "../../prisma/seed/evaluations";
import { schoolId } from "../../prisma/seed/people";
import { DEMO_ACCOUNTS, login, waitForHydration } from "./fixtures";
import { demoPlan } from "./seed-figures";

// Risk-factor evaluations in the browser (PRODUCT.md §3.6): the psychologist, on a phone,
// records one with self-harm present and is taken to the same-day CSMC referral; the educator
// of the school sees its level and date and no answer; the re-evaluation shows what changed.
// The three tests share one case and run in order.

/** An open case of IE Trujillo A (the educator's school) whose student the pilot evaluated (v1). */
const { rows } = demoPlan;
const seedEvaluation = rows.evaluations
  .filter((e) => e.schoolId === schoolId("1000001"))
  .filter((e) => rows.cases.find((c) => c.id === e.caseId)!.state !== "CLOSED")
  .sort((a, b) => (a.caseId < b.caseId ? 1 : -1))[0];
const casePath = `/cases/${seedEvaluation.caseId}`;
const seedAnswers = new Map(
  RISK_INSTRUMENT_V1.items.map((item) => [
    item.code,
    rows.answers.find((a) => a.evaluationId === seedEvaluation.id && a.itemId === riskItemId(1, item.code))!.value,
  ]),
);

/** What the psychologist marks: these present, self-harm present, everything else absent. */
const PRESENT_FIRST = ["low_academic_performance", "lacks_adult_support", "anger_management_difficulty"];
const SELF_HARM = "self_harm_suicidal_ideation";
const valueOf = (code: string) => (PRESENT_FIRST.includes(code) || code === SELF_HARM ? "PRESENT" : "ABSENT");

const item = (page: Page, code: string) => page.locator(`fieldset[data-item="${code}"]`);
const LABEL = { PRESENT: "Presente", ABSENT: "Ausente", UNKNOWN: "Sin información" } as const;

test.describe.configure({ mode: "serial" });

test("[RISK] psicologo@ fills, saves as draft, resumes and signs an evaluation with self-harm present at 360 px, and is taken to the urgent referral", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  await login(page, DEMO_ACCOUNTS.psychologist);
  await page.goto(`${casePath}/evaluations`);
  await waitForHydration(page, "section[aria-labelledby=case-evaluations] form button");
  await page.getByRole("button", { name: "Nueva evaluación" }).click();
  await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}\/edit$/);
  const editPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evaluación de factores de riesgo");
  await expect(page.getByText("Borrador · Ficha versión 2")).toBeVisible();

  // Items are labelled radio groups: by pointer for the first ones, by keyboard for another.
  await waitForHydration(page, 'fieldset[data-item="low_academic_performance"] input');
  for (const code of PRESENT_FIRST) {
    const label = RISK_INSTRUMENT_V2.items.find((i) => i.code === code)!.labelEs;
    await page.getByRole("group", { name: label }).getByLabel("Presente").check();
  }
  const peer = item(page, "peer_rejection");
  await peer.getByLabel("Presente").focus();
  await page.keyboard.press("ArrowRight");
  await expect(peer.getByLabel("Ausente")).toBeChecked();
  await expect(page.getByTestId("missing-count")).toHaveText(`Faltan responder ${24 - 4} ítems.`);
  await page.getByRole("button", { name: "Guardar borrador" }).click();
  await expect(page.getByText("Borrador guardado.")).toBeVisible();

  // Away and back: the case's evaluations tab offers the draft, which resumes with its answers.
  await page.goto(`${casePath}/evaluations`);
  await page.getByRole("link", { name: "Continuar borrador" }).click();
  await page.waitForURL((url) => url.pathname === editPath);
  await waitForHydration(page, 'fieldset[data-item="low_academic_performance"] input');
  for (const code of PRESENT_FIRST) await expect(item(page, code).getByLabel("Presente")).toBeChecked();
  await expect(peer.getByLabel("Ausente")).toBeChecked();

  // The rest: absent, except self-harm, present.
  for (const { code } of RISK_INSTRUMENT_V2.items) {
    if (PRESENT_FIRST.includes(code) || code === "peer_rejection") continue;
    await item(page, code).getByLabel(LABEL[valueOf(code)]).check();
  }
  await expect(page.getByTestId("missing-count")).toHaveText(/no podrá modificarse/);
  await expect(page.getByTestId("suggested-level")).toHaveText("Nivel sugerido: Alto");
  await expect(page.getByTestId("suggestion")).toContainText("Autolesiones o ideación suicida presente");
  await expect(page.getByTestId("urgent-notice")).toContainText("CSMC Trujillo");
  await page.getByRole("group", { name: "Nivel de riesgo (su decisión)" }).getByLabel("Alto").check();
  await page
    .getByLabel("Fundamentación del nivel")
    .fill("Refiere ideas de hacerse daño; se prioriza la atención en salud mental hoy.");

  // Signing without confirming the urgent referral is refused, on the field.
  await page.getByRole("button", { name: "Firmar evaluación" }).click();
  await expect(page.getByText("Confirme que la derivación urgente al CSMC se hará hoy.").first()).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${editPath}$`));
  await page.getByLabel("Entiendo que la derivación urgente al CSMC debe hacerse hoy").check();
  await page.getByRole("button", { name: "Firmar evaluación" }).click();

  // Taken to the case, at the urgent referral to make today.
  await page.waitForURL((url) => url.pathname === casePath && url.hash === "#urgent-tasks");
  const urgent = page.getByTestId("urgent-tasks");
  await expect(urgent).toBeVisible();
  await expect(urgent).toContainText("Derivar hoy a CSMC Trujillo");
  await expect(urgent).toContainText("Vence hoy");
  await expect(urgent.getByRole("button", { name: "Marcar como realizada" })).toBeVisible();
  await expect(urgent).toBeInViewport();
  // The history names the agency, never the answer.
  await page.getByTestId("case-tabs").getByRole("link", { name: "Historial" }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/history`);
  await expect(page.getByTestId("case-timeline")).toContainText("Derivación urgente a CSMC Trujillo para hoy");
  await expect(page.getByTestId("case-timeline")).not.toContainText("Autolesiones");
  // The evaluations tab lists the signed one.
  await page.getByTestId("case-tabs").getByRole("link", { name: "Evaluaciones" }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/evaluations`);
  await expect(page.getByTestId("case-tabs").getByRole("link", { name: "Evaluaciones" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByTestId("case-evaluations")).toContainText("Riesgo alto");
});

test("[RISK] educador@ on the same case sees the level and date, and no item answer", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.educator);
  // Told on the home page, as the case team.
  await expect(page.getByTestId("home-urgent-tasks")).toContainText("Derivar hoy a CSMC Trujillo");
  await page.goto(casePath);
  // The urgent referral is shown, but recording it is for the psychologist or the social worker.
  await expect(page.getByTestId("urgent-tasks")).toBeVisible();
  await expect(page.getByRole("button", { name: "Marcar como realizada" })).toHaveCount(0);
  await page.goto(`${casePath}/evaluations`);
  const evaluations = page.getByTestId("case-evaluations");
  await expect(evaluations).toContainText("Riesgo alto");
  await expect(evaluations).toContainText("Ficha versión 2");
  const today = new Intl.DateTimeFormat("es-PE", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "America/Lima",
  }).format(new Date());
  await expect(evaluations.getByTestId("evaluation-date").first()).toContainText(today);
  await expect(page.getByText("Su rol ve el nivel, la fecha y quién evaluó")).toBeVisible();

  // Opened directly, the evaluation is level, date and evaluator: no answer, no rationale.
  await evaluations.getByRole("link", { name: "Ver evaluación" }).first().click();
  await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("evaluation-summary")).toContainText("Alto");
  await expect(page.getByTestId("evaluation-summary")).toContainText(today);
  await expect(page.getByTestId("evaluation-answers")).toHaveCount(0);
  // Not on the screen, and not in the page's payload either (item codes and labels, the rationale).
  const shown = await page.locator("main").innerText();
  for (const text of ["Autolesiones", "Bajo rendimiento académico", "Presente", "Ausente", "hacerse daño"])
    expect(shown, text).not.toContain(text);
  const html = await page.content();
  for (const text of [SELF_HARM, "low_academic_performance", "Bajo rendimiento académico", "hacerse daño"])
    expect(html, text).not.toContain(text);
  // And the comparison, which is made of answers, does not exist for this role.
  const response = await page.goto(`${casePath}/evaluations/compare`);
  expect(response?.status()).toBe(404);
});

test("[RISK] a re-evaluation shows the item-by-item change, then the urgent referral is recorded", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.psychologist);
  await page.goto(`${casePath}/evaluations`);
  await page.getByRole("link", { name: "Comparar evaluaciones" }).click();
  await page.waitForURL((url) => url.pathname === `${casePath}/evaluations/compare`);
  const table = page.getByTestId("compare");
  await expect(table.locator("thead th")).toHaveCount(3);
  // Self-harm was not on the pilot's form.
  const selfHarm = table.locator(`tr[data-item="${SELF_HARM}"] td`);
  await expect(selfHarm.nth(0)).toHaveAttribute("data-value", "NOT_ASKED");
  await expect(selfHarm.nth(1)).toHaveAttribute("data-change", "NEW_ITEM");
  await expect(selfHarm.nth(1)).toContainText("Ítem nuevo");
  // Every pilot item: the change the seed's answers and today's make.
  const expected = { APPEARED: 0, DISAPPEARED: 0, NOW_KNOWN: 0 };
  for (const [code, before] of seedAnswers) {
    const now = valueOf(code);
    const change =
      before === now ? "" : before === "UNKNOWN" ? "NOW_KNOWN" : now === "PRESENT" ? "APPEARED" : "DISAPPEARED";
    if (change) expected[change] += 1;
    await expect(table.locator(`tr[data-item="${code}"] td`).nth(1), code).toHaveAttribute("data-change", change);
  }
  await expect(page.getByTestId("compare-summary")).toHaveText(
    `Desde la anterior: ${expected.APPEARED} nuevos presentes, ${expected.DISAPPEARED} resueltos, ${expected.NOW_KNOWN} ahora conocidos.`,
  );

  // The referral to CSMC is made and recorded: the banner goes away.
  await page.goto(casePath);
  const urgent = page.getByTestId("urgent-tasks");
  await waitForHydration(page, "[data-testid=urgent-tasks] form button");
  await urgent.getByLabel("A quién (nombre y cargo)").fill("Dra. Vásquez, triaje del CSMC Trujillo");
  await urgent.getByRole("button", { name: "Marcar como realizada" }).click();
  await expect(page.getByTestId("urgent-tasks")).toHaveCount(0);
  await page.goto(`${casePath}/history`);
  await expect(page.getByTestId("case-timeline")).toContainText(
    "Derivación urgente a CSMC Trujillo realizada (Llamada telefónica, a Dra. Vásquez, triaje del CSMC Trujillo)",
  );
});
