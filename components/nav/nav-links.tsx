"use client";

import { PendingLink } from "./pending-link";
import { usePathname } from "next/navigation";
import type { NavItem } from "./nav-items";

// Client only to mark the current page (aria-current) after client-side navigation.
export function NavLinks({ items, orientation }: { items: NavItem[]; orientation: "vertical" | "horizontal" }) {
  const pathname = usePathname();
  return (
    <ul className={orientation === "vertical" ? "flex flex-col gap-1" : "flex flex-wrap gap-1"}>
      {items.map((item) => {
        const current =
          item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.key}>
            <PendingLink
              href={item.href}
              aria-current={current ? "page" : undefined}
              className="flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 aria-[current=page]:bg-teal-50 aria-[current=page]:text-teal-900 aria-[current=page]:font-semibold"
            >
              {item.label}
            </PendingLink>
          </li>
        );
      })}
    </ul>
  );
}
