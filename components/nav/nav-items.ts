import type { Permission } from "@/lib/auth/policy";
import { can } from "@/lib/auth/policy";
import type { Role } from "@/lib/generated/prisma/enums";

// The main navigation. An item with a permission is shown only to roles that hold it
// (lib/auth/policy.ts); hiding a link is a convenience, every page still authorizes itself.
export const NAV_ITEMS = [
  { key: "home", href: "/" },
  { key: "students", href: "/students", permission: "students.read" },
  { key: "attendance", href: "/attendance", permission: "attendance.write" },
  { key: "alerts", href: "/alerts", permission: "alerts.read" },
  { key: "cases", href: "/cases", permission: "cases.readSummary" },
  { key: "visits", href: "/visits", permission: "visits.write" },
  // The agency's inbox, or the referrals the school side sent.
  { key: "referrals", href: "/referrals", permission: ["referrals.inbox", "referrals.read"] },
  { key: "reports", href: "/reports", permission: "reports.read" },
  { key: "alertRules", href: "/admin/alert-rules", permission: "alertRules.write" },
  { key: "holidays", href: "/admin/holidays", permission: "alertRules.write" },
  { key: "referralDeadlines", href: "/admin/referral-deadlines", permission: "referralDeadlines.write" },
  { key: "retention", href: "/admin/retention", permission: "retention.manage" },
  { key: "users", href: "/admin/users", permission: "users.manage" },
  { key: "schools", href: "/admin/schools", permission: "schools.manage" },
  { key: "agencies", href: "/admin/agencies", permission: "agencies.manage" },
  { key: "settings", href: "/settings" },
] as const satisfies readonly { key: string; href: string; permission?: Permission | readonly Permission[] }[];

export type NavItem = { key: string; href: string; label: string };

/** A list of permissions means any of them. */
export function navItemsFor(role: Role): (typeof NAV_ITEMS)[number][] {
  return NAV_ITEMS.filter((item) => {
    if (!("permission" in item)) return true;
    const needed: readonly Permission[] = typeof item.permission === "string" ? [item.permission] : item.permission;
    return needed.some((p) => can(role, p));
  });
}
