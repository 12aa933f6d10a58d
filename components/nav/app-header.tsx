import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OfflineIndicator } from "@/components/offline/offline-indicator";
import { SignOutButton } from "@/components/sign-out-button";
import { buttonClasses } from "@/components/ui/button";
import type { SessionUser } from "@/lib/auth/types";
import { countUnreadNotifications } from "@/lib/notifications/queries";
import { MobileMenu } from "./mobile-menu";
import { NavLinks } from "./nav-links";
import { NotificationsLink } from "./notifications-link";
import type { NavItem } from "./nav-items";
import { roleLabel } from "./role-label";

// Top bar. Phones: brand + "Menú" disclosure holding the navigation, the user and sign-out.
// From md up the navigation moves to the side column (SideNav) and the user sits here.
export async function AppHeader({ user, items }: { user: SessionUser; items: NavItem[] }) {
  const [t, unread] = await Promise.all([getTranslations("common"), countUnreadNotifications(user)]);
  const role = roleLabel(t, user);
  const who = (
    <p className="min-w-0 text-sm leading-tight">
      <span className="block truncate font-medium text-slate-900">{user.name}</span>
      <span className="block truncate text-slate-600">{role}</span>
    </p>
  );
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-2">
        {/* Not prefetched, as PendingLink: on every page, for an outline the click brings anyway. */}
        <Link
          href="/"
          prefetch={false}
          className="flex min-h-11 items-center rounded-md text-lg font-semibold text-teal-800"
        >
          {t("appName")}
        </Link>
        <div className="ml-auto">
          <NotificationsLink unread={unread} />
        </div>
        <div className="hidden items-center gap-4 md:flex" aria-label={t("userMenu", { name: user.name })} role="group">
          {who}
          <SignOutButton className={buttonClasses("secondary", "shrink-0")} />
        </div>
        <MobileMenu label={t("nav.menu")}>
          <nav aria-label={t("nav.label")}>
            <NavLinks items={items} orientation="vertical" />
          </nav>
          <div className="mt-3 flex items-center justify-between gap-3 border-t border-slate-200 pt-3">
            {who}
            <SignOutButton className={buttonClasses("secondary", "shrink-0")} />
          </div>
        </MobileMenu>
      </div>
      <OfflineIndicator />
    </header>
  );
}

export async function SideNav({ items }: { items: NavItem[] }) {
  const t = await getTranslations("common");
  return (
    <nav aria-label={t("nav.label")} className="hidden w-56 shrink-0 py-6 md:block">
      <NavLinks items={items} orientation="vertical" />
    </nav>
  );
}
