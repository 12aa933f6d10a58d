import { expect, type Page } from "@playwright/test";

// Shared by every e2e spec: the demo accounts of PRODUCT.md §4 and a sign-in helper.
export const DEMO_PASSWORD = "Permanencia2026!";

export const DEMO_ACCOUNTS = {
  admin: "admin@demo.pe",
  coordinator: "coordinador@demo.pe",
  director: "director@demo.pe",
  directorSjl: "director.sjl@demo.pe",
  tutor: "tutor@demo.pe",
  psychologist: "psicologo@demo.pe",
  socialWorker: "social@demo.pe",
  educator: "educador@demo.pe",
  demuna: "demuna@demo.pe",
  demunaSjl: "demuna.sjl@demo.pe",
  cem: "cem@demo.pe",
  csmc: "csmc@demo.pe",
  bapes: "bapes@demo.pe",
  ugel: "ugel@demo.pe",
} as const;

/**
 * Waits until React has attached to the element `selector` matches (it carries React's
 * `__reactProps…` key from then on). Before that, a click is a plain browser action: a form
 * submits natively instead of through its handlers, a button without a form does nothing.
 */
export async function waitForHydration(page: Page, selector: string) {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return !!el && Object.keys(el).some((k) => k.startsWith("__reactProps"));
  }, selector);
}

/** Fills and submits the login form once it is hydrated (fields checked in the browser, errors inline). */
export async function fillLogin(page: Page, email: string, password: string) {
  await page.goto("/login");
  await waitForHydration(page, "form input#email");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(password);
  await page.getByRole("button", { name: "Ingresar" }).click();
}

/** Signs in through the login form and waits for the home page. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await fillLogin(page, email, password);
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { level: 1, name: "Inicio" })).toBeVisible();
}

/** Signs out with the visible "Cerrar sesión" button (desktop layout) and waits for /login. */
export async function logout(page: Page) {
  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
}

/** The home page's stat cards in order: id (data-testid without "stat-") and raw value ("<5" when suppressed). */
export async function homeFigures(page: Page): Promise<{ id: string; value: string }[]> {
  await expect(page.getByRole("heading", { level: 1, name: "Inicio" })).toBeVisible();
  return page.locator('[data-testid^="stat-"]').evaluateAll((cards) =>
    cards.map((card) => ({
      id: card.getAttribute("data-testid")!.slice("stat-".length),
      value: card.querySelector("dd[data-value]")?.getAttribute("data-value") ?? "",
    })),
  );
}
