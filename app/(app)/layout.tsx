import { getTranslations } from "next-intl/server";
import { AppHeader, SideNav } from "@/components/nav/app-header";
import { DeviceDataGuard } from "@/components/offline/device-data-guard";
import { MainContent } from "@/components/nav/main-content";
import { navItemsFor } from "@/components/nav/nav-items";
import { requireUser } from "@/lib/auth/session";

// Shell of every signed-in page. Layouts are not re-run on client navigation, so this check
// is not the access control: each page and action authorizes itself.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations("common");
  const items = navItemsFor(user.role).map((item) => ({ key: item.key, href: item.href, label: t(`nav.${item.key}`) }));
  return (
    <>
      <a
        href="#contenido"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-teal-900 focus:shadow-lg"
      >
        {t("skipToContent")}
      </a>
      <DeviceDataGuard userId={user.id} />
      {/* Printed pages (e.g. a case's printable summary) carry the document only. */}
      <div className="contents print:hidden">
        <AppHeader user={user} items={items} />
      </div>
      <div className="mx-auto flex max-w-6xl gap-6 px-4 print:block print:max-w-none print:px-0">
        <div className="contents print:hidden">
          <SideNav items={items} />
        </div>
        <main id="contenido" tabIndex={-1} className="min-w-0 flex-1 py-6 focus:outline-none">
          <MainContent>{children}</MainContent>
        </main>
      </div>
    </>
  );
}
