import { expect, test, type Browser, type Cookie, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, fillLogin, login, logout, waitForHydration } from "./fixtures";

// Decision 020 in the browser: a session ends on the server (a cookie saved before sign-out
// opens nothing afterwards), an administrator ends someone's sessions at once, and every page
// carries a nonce-based Content-Security-Policy under which it still hydrates.
// The CSMC account is not used by the other specs of this project, so ending its sessions and
// changing its password here disturbs nobody.

const SESSION_COOKIE = /next-auth\.session-token/;

async function sessionCookies(page: Page): Promise<Cookie[]> {
  return (await page.context().cookies()).filter((c) => SESSION_COOKIE.test(c.name));
}

/** A fresh browser holding only these cookies: what someone who copied them would have. */
async function replay(browser: Browser, cookies: Cookie[]): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  return context.newPage();
}

/** Collects every CSP violation the page reports, in the console or as an event. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  page.on("pageerror", (e) => violations.push(`pageerror: ${e.message}`));
  return violations;
}

test("[SESSIONS] after sign-out, the cookie saved before it gets the login page", async ({ page, browser }) => {
  await login(page, DEMO_ACCOUNTS.bapes);
  const saved = await sessionCookies(page);
  expect(saved).toHaveLength(1);
  // The copy works while the session is open.
  const copy = await replay(browser, saved);
  await copy.goto("/settings");
  await expect(copy.getByRole("heading", { level: 1, name: "Configuración" })).toBeVisible();

  await logout(page);
  await copy.goto("/settings");
  await copy.waitForURL((url) => url.pathname === "/login");
  await expect(copy.getByRole("button", { name: "Ingresar" })).toBeVisible();
  await copy.context().close();
});

test.describe.serial("the CSMC account", () => {
  test("[SESSIONS] the administrator's «Cerrar sesiones» ends the account's sessions at once", async ({
    page,
    browser,
  }) => {
    const staff = await (await browser.newContext()).newPage();
    await login(staff, DEMO_ACCOUNTS.csmc);

    await login(page, DEMO_ACCOUNTS.admin);
    await page.getByRole("link", { name: "Usuarios" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Usuarios" })).toBeVisible();
    const row = page.getByTestId(`user-${DEMO_ACCOUNTS.csmc}`);
    await expect(row.getByTestId("open-sessions")).not.toHaveText("Ninguna");
    await waitForHydration(page, `[data-testid="user-${DEMO_ACCOUNTS.csmc}"] button`);
    await row.getByRole("button", { name: "Cerrar sesiones" }).click();
    await expect(row.getByText(/Se cerr(ó|aron) \d+ sesi(ón|ones)\./)).toBeVisible();
    await expect(row.getByTestId("open-sessions")).toHaveText("Ninguna");

    await staff.reload();
    await staff.waitForURL((url) => url.pathname === "/login");
    await staff.context().close();
  });

  test("[SESSIONS] changing one's password ends the session and the new password signs in", async ({ page }) => {
    const changeTo = async (current: string, next: string) => {
      await page.goto("/settings");
      await waitForHydration(page, "#current-password");
      await page.getByLabel("Contraseña actual").fill(current);
      await page.getByLabel("Nueva contraseña", { exact: true }).fill(next);
      await page.getByLabel("Repita la nueva contraseña").fill(next);
      await page.getByRole("button", { name: "Cambiar contraseña" }).click();
      await page.waitForURL((url) => url.pathname === "/login");
      await expect(page.getByText("Contraseña cambiada. Inicie sesión con la nueva.")).toBeVisible();
    };
    await login(page, DEMO_ACCOUNTS.csmc);
    const before = await sessionCookies(page);
    await changeTo(DEMO_PASSWORD, "Una frase larga de prueba");
    // The old session is over, even replayed.
    await page.context().addCookies(before);
    await page.goto("/settings");
    await page.waitForURL((url) => url.pathname === "/login");

    await fillLogin(page, DEMO_ACCOUNTS.csmc, DEMO_PASSWORD);
    await expect(page.locator("form").getByRole("alert")).toHaveText("Correo o contraseña incorrectos.");
    await login(page, DEMO_ACCOUNTS.csmc, "Una frase larga de prueba");
    await changeTo("Una frase larga de prueba", DEMO_PASSWORD); // as it was, for the next run
  });
});

test("[CSP] every page sends a nonce policy, its scripts carry the nonce, and it hydrates without violations", async ({
  page,
}) => {
  const violations = watchCsp(page);
  const response = await page.goto("/login");
  const policy = response!.headers()["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain("default-src 'self'");
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(policy).not.toContain("unsafe-eval");
  const scripts = await page.locator("script").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);

  // A new nonce per response.
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);

  await login(page, DEMO_ACCOUNTS.director);
  for (const path of ["/students", "/cases", "/alerts", "/settings"]) {
    await page.goto(path);
    await waitForHydration(page, "header button, header a");
  }
  expect(violations).toEqual([]);
});

test("[CSP] markup injected into a page cannot run script (inline handlers are refused)", async ({ page }) => {
  const violations = watchCsp(page);
  await page.goto("/login");
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { injected?: boolean };
    w.injected = false;
    const div = document.createElement("div");
    div.innerHTML = '<img src="data:," onerror="window.injected = true">';
    document.body.appendChild(div);
    await new Promise((r) => setTimeout(r, 300));
    return w.injected;
  });
  expect(ran).toBe(false);
  expect(violations.some((v) => /Content Security Policy/i.test(v))).toBe(true);
});

test("[AUTH] next-auth answers an unreadable callbackUrl with 400, not 500", async ({ request }) => {
  for (const callbackUrl of ["http://[", "javascript:alert(1)"]) {
    const response = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, {
      maxRedirects: 0,
    });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ error: "La dirección de retorno (callbackUrl) no es válida." });
  }
  const fine = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent("/cases")}`, { maxRedirects: 0 });
  expect(fine.status()).toBeLessThan(400);
});

test("[IMPORTS] an upload route answers a JSON body with 415 and a Spanish message", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.director);
  const base = new URL(page.url()).origin;
  const response = await page.request.post("/students/import/upload", {
    data: { file: "a;b" },
    headers: { origin: base },
  });
  expect(response.status()).toBe(415);
  expect((await response.json()).message).toContain("Envíe el archivo como formulario");
});
