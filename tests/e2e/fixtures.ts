import { expect, type Locator, type Page } from "@playwright/test";

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

/** Waits until React has hydrated the login form, so a click submits through JavaScript. */
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const el = document.querySelector("form input");
    return !!el && Object.keys(el).some((k) => k.startsWith("__reactProps"));
  });
}

export async function fillLogin(page: Page, email: string, password: string) {
  await page.goto("/login");
  await waitForHydration(page);
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

/** The number a home stat card shows (its raw `data-value`), or "<5" when suppressed. */
export async function statValue(page: Page, testId: string): Promise<string> {
  const value: Locator = page.getByTestId(testId).locator("dd[data-value]");
  await expect(value).toBeVisible();
  return (await value.getAttribute("data-value")) ?? "";
}
