import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, fillLogin, homeFigures, login, logout } from "./fixtures";
import { expectedHomeFigures, PILOT } from "./seed-figures";

// Every demo account signs in once, lands on its role's home with exactly the figures of its
// own scope and the navigation its role allows, and signs out. The figures are those of the
// untouched demo: this file runs before the specs that change data (playwright.config.ts).
test.describe.configure({ mode: "parallel" });

const CASE_TEAM_NAV = [
  "Inicio",
  "Estudiantes",
  "Alertas",
  "Casos",
  "Mis visitas",
  "Derivaciones",
  "Reportes",
  "Configuración",
];
const AGENCY_NAV = ["Inicio", "Derivaciones", "Configuración"];

async function navLinks(page: Page, name = "Navegación principal"): Promise<string[]> {
  return page.getByRole("navigation", { name }).getByRole("link").allInnerTexts();
}

/** The home shows exactly the figures the demo data gives this account, in order. */
async function expectSeededFigures(page: Page, email: string) {
  expect(await homeFigures(page)).toEqual(expectedHomeFigures(email));
}

const accounts: { email: string; role: string; nav: string[]; checks?: (page: Page) => Promise<void> }[] = [
  {
    email: DEMO_ACCOUNTS.admin,
    role: "Administrador(a) del sistema",
    nav: [
      "Inicio",
      "Reglas de alerta",
      "Feriados",
      "Plazos de derivación",
      "Conservación de casos",
      "Usuarios",
      "Colegios",
      "Instituciones",
      "Configuración",
    ],
  },
  {
    email: DEMO_ACCOUNTS.coordinator,
    role: "Coordinador(a) de la estrategia",
    nav: ["Inicio", "Reportes", "Configuración"],
    checks: async (page) => {
      // Territory figures are kept for minutes per server process: the page says when they were computed.
      await expect(page.getByTestId("home-computed-at")).toHaveText(/^Cifras calculadas a las \d{2}:\d{2};/);
      // Aggregates only (no student list), and the pilot's own figures.
      const figures = expectedHomeFigures(DEMO_ACCOUNTS.coordinator);
      expect(figures.map((f) => f.id)).not.toContain("students");
      expect(figures.find((f) => f.id === "students-followed")?.value).toBe(String(PILOT.studentsFollowed));
      expect(figures.find((f) => f.id === "students-alerted")?.value).toBe(String(PILOT.studentsAlerted));
    },
  },
  { email: DEMO_ACCOUNTS.psychologist, role: "Psicólogo(a)", nav: CASE_TEAM_NAV },
  { email: DEMO_ACCOUNTS.socialWorker, role: "Trabajador(a) social", nav: CASE_TEAM_NAV },
  { email: DEMO_ACCOUNTS.educator, role: "Educador(a)", nav: CASE_TEAM_NAV },
  ...(
    [
      [DEMO_ACCOUNTS.demuna, "Personal de DEMUNA"],
      [DEMO_ACCOUNTS.demunaSjl, "Personal de DEMUNA"],
      [DEMO_ACCOUNTS.cem, "Personal de Centro de Emergencia Mujer (CEM)"],
      [DEMO_ACCOUNTS.csmc, "Personal de Centro de Salud Mental Comunitario (CSMC)"],
      [DEMO_ACCOUNTS.bapes, "Personal de PNP Bapes"],
      [DEMO_ACCOUNTS.ugel, "Personal de UGEL"],
    ] as const
  ).map(([email, role]) => ({
    email,
    role,
    nav: AGENCY_NAV,
    checks: email === DEMO_ACCOUNTS.ugel ? switchLanguageAndBack : undefined,
  })),
];

/** English via Configuración (saved on the account and in the cookie), then back to Spanish. */
async function switchLanguageAndBack(page: Page) {
  await page
    .getByRole("navigation", { name: "Navegación principal" })
    .getByRole("link", { name: "Configuración" })
    .click();
  await page.getByRole("radio", { name: "English" }).check();
  await page.getByRole("button", { name: "Guardar idioma" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Language saved.");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(await navLinks(page, "Main navigation")).toEqual(["Home", "Referrals", "Settings"]);

  await page.getByRole("radio", { name: "Español (Perú)" }).check();
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Idioma guardado.");
  await expect(page.locator("html")).toHaveAttribute("lang", "es-PE");
}

for (const account of accounts) {
  test(`[AUTH] ${account.email} signs in, sees the ${account.role} home and signs out`, async ({ page }) => {
    await login(page, account.email);
    await expect(page.getByTestId("home-role")).toHaveText(account.role);
    expect(await navLinks(page)).toEqual(account.nav);
    await expectSeededFigures(page, account.email);
    await account.checks?.(page);
    await logout(page);
    await expect(page.getByRole("button", { name: "Ingresar" })).toBeVisible();
    // Signed out means signed out: the home sends back to the login page.
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/login");
  });
}

test("[AUTH] each director sees the figures of their own school only", async ({ page }) => {
  const directorNav = [
    "Inicio",
    "Estudiantes",
    "Asistencia",
    "Alertas",
    "Casos",
    "Derivaciones",
    "Reportes",
    "Configuración",
  ];
  // The two schools' demo figures differ, so a director shown the other school's would fail.
  expect(expectedHomeFigures(DEMO_ACCOUNTS.director)).not.toEqual(expectedHomeFigures(DEMO_ACCOUNTS.directorSjl));

  await login(page, DEMO_ACCOUNTS.director);
  await expect(page.getByTestId("home-role")).toHaveText("Director(a)");
  expect(await navLinks(page)).toEqual(directorNav);
  await expectSeededFigures(page, DEMO_ACCOUNTS.director);
  await logout(page);

  await login(page, DEMO_ACCOUNTS.directorSjl);
  expect(await navLinks(page)).toEqual(directorNav);
  await expectSeededFigures(page, DEMO_ACCOUNTS.directorSjl);
  await logout(page);
});

test("[AUTH] a wrong password is refused with a Spanish message and no session", async ({ page }) => {
  await fillLogin(page, DEMO_ACCOUNTS.director, "contraseña-equivocada");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Correo o contraseña incorrectos.");
  expect(new URL(page.url()).pathname).toBe("/login");
  await page.goto("/");
  await page.waitForURL((url) => url.pathname === "/login");
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("[AUTH] the tutor uses the menu with the keyboard only, then signs out", async ({ page }) => {
    await login(page, DEMO_ACCOUNTS.tutor);
    await expect(page.getByTestId("home-role")).toHaveText("Tutor(a) / auxiliar");
    await expectSeededFigures(page, DEMO_ACCOUNTS.tutor);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      "no sideways scrolling",
    ).toBeLessThanOrEqual(360);

    // Skip link first, then the brand, the notifications, then the menu button.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Saltar al contenido" })).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("notifications-link")).toBeFocused();
    await page.keyboard.press("Tab");
    const menu = page.locator("summary", { hasText: "Menú" });
    await expect(menu).toBeFocused();
    const nav = page.getByRole("navigation", { name: "Navegación principal" });
    await expect(nav).toBeHidden();

    await page.keyboard.press("Enter");
    await expect(nav).toBeVisible();
    expect(await navLinks(page)).toEqual(["Inicio", "Estudiantes", "Asistencia", "Configuración"]);
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Inicio" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    // Reopen, go to Configuración with the keyboard: the menu closes after navigating.
    await page.keyboard.press("Enter");
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Configuración" })).toBeFocused();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Configuración" })).toBeVisible();
    await expect(nav).toBeHidden();

    // Sign out from the menu, still keyboard only.
    await menu.focus();
    await page.keyboard.press("Enter");
    for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Cerrar sesión" })).toBeFocused();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/login");
  });
});
