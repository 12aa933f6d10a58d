import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, login, waitForHydration } from "./fixtures";

// Notifications in the browser: the demo's overdue referrals have already notified their case
// team and the coordinator (the seed runs the deadlines check as of the load day). The header
// shows the unread count on every page; the list opens the referral, or — for a coordinator,
// who does not open referrals — says whom to ask; marking all read empties the count.

test("[NOTIFICATIONS] the social worker sees the unread count in the header, opens the list and marks everything read", async ({
  page,
}) => {
  await login(page, DEMO_ACCOUNTS.socialWorker);
  const link = page.getByTestId("notifications-link");
  const label = (await page.getByTestId("notifications-name").textContent()) ?? "";
  await expect(link).toHaveAccessibleName(label);
  const unread = Number(/(\d+) sin leer/.exec(label)?.[1] ?? 0);
  expect(unread, label).toBeGreaterThan(0);
  await expect(page.getByTestId("notifications-unread")).toHaveText(unread > 99 ? "99+" : String(unread));

  await link.click();
  await page.waitForURL((url) => url.pathname === "/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notificaciones" })).toBeVisible();
  const items = page.getByTestId("notification-list").getByRole("listitem");
  await expect(items.first()).toContainText("sigue sin respuesta");
  await expect(items.first().getByRole("link", { name: "Ver derivación" })).toHaveAttribute(
    "href",
    /^\/referrals\/[0-9a-f-]{36}$/,
  );
  expect(await page.locator('[data-unread="true"]').count()).toBe(Math.min(unread, 25));

  await waitForHydration(page, "main header form button");
  await page.getByRole("button", { name: "Marcar todas como leídas" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Todas" })).toHaveText(
    "Todas las notificaciones están leídas.",
  );
  await expect(page.getByTestId("notifications-unread")).toHaveCount(0);
  await expect(link).toHaveAccessibleName("Notificaciones, ninguna sin leer");
  await page.reload();
  await expect(page.locator('[data-unread="true"]')).toHaveCount(0);
});

test("[NOTIFICATIONS] the coordinator is told of overdue referrals without a link into them", async ({ page }) => {
  await login(page, DEMO_ACCOUNTS.coordinator);
  await page.goto("/notifications");
  const first = page.getByTestId("notification-list").getByRole("listitem").first();
  await expect(first).toContainText("sigue sin respuesta");
  await expect(first).toContainText("Consulte con el equipo del colegio");
  await expect(first.getByRole("link")).toHaveCount(0);
});

test("[DEADLINES] the administrator changes a response deadline, checked 1–720 hours, then puts it back", async ({
  page,
}) => {
  await login(page, DEMO_ACCOUNTS.admin);
  await page
    .getByRole("navigation", { name: "Navegación principal" })
    .getByRole("link", { name: "Plazos de derivación" })
    .click();
  await page.waitForURL((url) => url.pathname === "/admin/referral-deadlines");
  const urgent = page.getByLabel("Urgente");
  await expect(urgent).toHaveValue("24");
  await expect(page.getByLabel("Regular")).toHaveValue("168");
  await waitForHydration(page, "main form button");

  await urgent.fill("0");
  await page.getByRole("button", { name: "Guardar plazos" }).click();
  await expect(page.getByText("El plazo debe estar entre 1 y 720 horas (30 días).")).toBeVisible();
  await expect(urgent).toHaveAttribute("aria-invalid", "true");

  await urgent.fill("12");
  await page.getByRole("button", { name: "Guardar plazos" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Plazos guardados.");
  await page.reload();
  await expect(page.getByLabel("Urgente")).toHaveValue("12");

  await page.getByLabel("Urgente").fill("24");
  await waitForHydration(page, "main form button");
  await page.getByRole("button", { name: "Guardar plazos" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Plazos guardados.");
});
