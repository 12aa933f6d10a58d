import { expect, type Page } from "@playwright/test";
import { todayInLima } from "../../lib/format/date";
import { waitForHydration } from "./fixtures";

/** `iso` moved by `days` calendar days. */
export function shiftIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The sections the tutor's attendance page offers for today, as their `sec` keys. */
export async function sectionKeys(page: Page): Promise<string[]> {
  await page.goto("/attendance");
  const links = page.getByTestId("today-sections").getByRole("link");
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((href) => new URL(href, "http://x").searchParams.get("sec")!);
}

/**
 * Opens a section's sheet on the latest day (today or before) that is a school day — not a
 * weekend nor a configured holiday, so saving asks nothing — and waits until it is interactive.
 */
export async function openOnSchoolDay(page: Page, sec: string, from = todayInLima()): Promise<string> {
  for (let back = 0; back < 14; back++) {
    const date = shiftIso(from, -back);
    await page.goto(`/attendance?sec=${encodeURIComponent(sec)}&date=${date}`);
    await expect(page.locator("fieldset[data-student-id]").first()).toBeVisible();
    if ((await page.getByTestId("non-school-day").count()) === 0) {
      await waitForHydration(page, "fieldset[data-student-id] input");
      return date;
    }
  }
  throw new Error("no school day in the last two weeks");
}

export const student = (page: Page, id: string) => page.locator(`fieldset[data-student-id="${id}"]`);

/** One tap on a student's status choice ("UNJUSTIFIED", "LATE"…). */
export async function mark(page: Page, id: string, status: string) {
  await student(page, id).locator(`label[data-mark="${status}"]`).tap();
  await expect(student(page, id)).toHaveAttribute("data-status", status);
}

/** Ids of students shown present now (the list may hold saves from earlier runs). */
export async function presentStudents(page: Page, count: number): Promise<string[]> {
  const present = page.locator('fieldset[data-student-id][data-status="PRESENT"]');
  await expect(present.nth(count - 1)).toBeVisible();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await present.nth(i).getAttribute("data-student-id"))!);
  return ids;
}
