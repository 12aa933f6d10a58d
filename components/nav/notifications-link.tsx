import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The header's way to the notifications page, with the unread count as a badge. */
export async function NotificationsLink({ unread }: { unread: number }) {
  const t = await getTranslations("notifications");
  const shown = unread > 99 ? "99+" : String(unread);
  return (
    // The name is the link's own text ("Notificaciones, 3 sin leer"), not an aria-label: from lg
    // the word is also on screen, and a label that differs from what is visible (the badge's
    // digits) confuses voice control (axe: label-content-name-mismatch).
    <Link
      href="/notifications"
      prefetch={false}
      data-testid="notifications-link"
      className="relative inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-900 hover:bg-slate-100"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
        <path d="M10 2a5 5 0 0 0-5 5v3.6L3.3 13.4A1 1 0 0 0 4.2 15h11.6a1 1 0 0 0 .9-1.6L15 10.6V7a5 5 0 0 0-5-5Zm0 17a2.5 2.5 0 0 0 2.4-2h-4.8A2.5 2.5 0 0 0 10 19Z" />
      </svg>
      <span aria-hidden="true" className="hidden lg:inline">
        {t("headerShort")}
      </span>
      <span className="sr-only" data-testid="notifications-name">
        {t("header", { count: unread })}
      </span>
      {unread > 0 ? (
        <span
          aria-hidden="true"
          data-testid="notifications-unread"
          className="min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-semibold leading-5 text-white tabular-nums"
        >
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
