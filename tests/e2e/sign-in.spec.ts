import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, fillLogin, waitForHydration } from "./fixtures";

// A sign-in form submitted before the page hydrates (slow phone, blocked scripts) must still
// POST: a native GET would put the email and the password in the address bar, the history
// and the server logs. Every test here watches every request the page makes.

const WRONG_PASSWORD = "Clave equivocada 7!";

/** Every request URL the page sends, and the method of each navigation. */
function watchRequests(page: Page) {
  const urls: string[] = [];
  const navigations: { method: string; url: string }[] = [];
  page.on("request", (request) => {
    urls.push(request.url());
    if (request.isNavigationRequest()) navigations.push({ method: request.method(), url: request.url() });
  });
  return { urls, navigations };
}

/** The secret in every shape a URL could carry it: raw, percent-encoded, form-encoded. */
function shapes(secret: string): string[] {
  return [secret, encodeURIComponent(secret), new URLSearchParams({ x: secret }).toString().slice(2)];
}

function expectNoSecretsIn(urls: string[], email: string, password: string) {
  for (const url of urls) {
    for (const shape of shapes(password)) expect(url, "no password in any URL").not.toContain(shape);
    for (const shape of shapes(email)) expect(url, "no email in any URL").not.toContain(shape);
  }
}

async function submitWithoutWaiting(page: Page, email: string, password: string) {
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(password);
  await page.getByRole("button", { name: "Ingresar" }).click();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("[AUTH] the sign-in form posts and signs in; neither the password nor the email reaches a URL", async ({
    page,
  }) => {
    const { urls, navigations } = watchRequests(page);
    await page.goto("/login");
    await expect(page.locator("form")).toHaveAttribute("method", /^post$/i);
    await submitWithoutWaiting(page, DEMO_ACCOUNTS.psychologist, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === "/");
    await expect(page.getByRole("heading", { level: 1, name: "Inicio" })).toBeVisible();
    await expect(page.getByTestId("home-role")).toHaveText("Psicólogo(a)");

    expect(navigations.some((n) => n.method === "POST" && new URL(n.url).pathname === "/login")).toBe(true);
    expect(navigations.filter((n) => n.method === "GET" && new URL(n.url).pathname === "/login")).toHaveLength(1);
    expectNoSecretsIn([...urls, page.url()], DEMO_ACCOUNTS.psychologist, DEMO_PASSWORD);
  });

  test("[AUTH] a wrong password shows the Spanish message, keeps the email, and opens no session", async ({ page }) => {
    const { urls, navigations } = watchRequests(page);
    await page.goto("/login");
    await submitWithoutWaiting(page, DEMO_ACCOUNTS.educator, WRONG_PASSWORD);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Correo o contraseña incorrectos.");
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect(page.getByLabel("Correo electrónico")).toHaveValue(DEMO_ACCOUNTS.educator);
    await expect(page.getByLabel("Contraseña")).toHaveValue("");

    expect(navigations.filter((n) => n.method === "POST").map((n) => new URL(n.url).pathname)).toEqual(["/login"]);
    expectNoSecretsIn([...urls, page.url()], DEMO_ACCOUNTS.educator, WRONG_PASSWORD);
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/login");
  });

  test("[AUTH] an empty submission is answered with the field messages, not sent anywhere else", async ({ page }) => {
    const { navigations } = watchRequests(page);
    await page.goto("/login");
    await page.getByRole("button", { name: "Ingresar" }).click();
    await expect(page.getByText("Ingrese su correo electrónico.")).toBeVisible();
    await expect(page.getByText("Ingrese su contraseña.")).toBeVisible();
    expect(navigations.map((n) => `${n.method} ${new URL(n.url).pathname}`)).toEqual(["GET /login", "POST /login"]);
  });
});

test.describe("with JavaScript", () => {
  test("[AUTH] a wrong password, then the right one: errors inline, no secret in any URL, then home", async ({
    page,
  }) => {
    const { urls } = watchRequests(page);
    await fillLogin(page, DEMO_ACCOUNTS.educator, WRONG_PASSWORD);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Correo o contraseña incorrectos.");
    expect(new URL(page.url()).pathname).toBe("/login");

    await page.getByLabel("Contraseña").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Ingresar" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect(page.getByTestId("home-role")).toHaveText("Educador(a)");
    expectNoSecretsIn([...urls, page.url()], DEMO_ACCOUNTS.educator, WRONG_PASSWORD);
    expectNoSecretsIn([...urls, page.url()], DEMO_ACCOUNTS.educator, DEMO_PASSWORD);
  });

  test("[AUTH] sign-in returns to the requested page on this site, never to another site", async ({ page }) => {
    await page.goto("/login?callbackUrl=%2Fsettings");
    await waitForHydration(page, "form input#email");
    await submitWithoutWaiting(page, DEMO_ACCOUNTS.socialWorker, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === "/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Configuración" })).toBeVisible();

    // Already signed in: the login page sends a foreign address home instead of following it.
    await page.goto("/login?callbackUrl=https%3A%2F%2Fexample.org%2F");
    await page.waitForURL((url) => url.pathname === "/");
    expect(new URL(page.url()).origin).toBe(new URL(test.info().project.use.baseURL!).origin);
  });
});
