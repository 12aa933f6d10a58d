"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { keepPageOffline } from "./service-worker";

/** On an attendance sheet: the worker keeps a copy, so a reload without connection still opens it. */
export function KeepPageOffline() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  useEffect(() => {
    // The address exactly as the browser will ask for it on a reload.
    void keepPageOffline(window.location.href);
  }, [pathname, search]);
  return null;
}
