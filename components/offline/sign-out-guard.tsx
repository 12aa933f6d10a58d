"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { draftKeys, dropDrafts } from "@/lib/offline/drafts";
import { forgetOfflinePages } from "./service-worker";

/**
 * Inside the sign-out form: unsent drafts (attendance, a visit) live only on this phone, so
 * signing out asks first and then deletes them, with the kept attendance pages. Before
 * hydration the form posts as it is; the sign-in page forgets the kept pages anyway.
 */
export function SignOutGuard() {
  const t = useTranslations("auth");
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const onSubmit = (event: SubmitEvent) => {
      if (draftKeys().length > 0 && !window.confirm(t("unsavedDrafts"))) {
        event.preventDefault();
        return;
      }
      dropDrafts();
      void forgetOfflinePages();
    };
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, [t]);
  return <span ref={ref} hidden />;
}
