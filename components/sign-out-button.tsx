"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { forgetOfflinePages } from "@/components/offline/service-worker";
import { draftKeys, dropDrafts } from "@/lib/offline/drafts";

export function SignOutButton({ className }: { className?: string }) {
  const t = useTranslations("auth");
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        // Unsent drafts (attendance, a visit) live only on this phone: leaving deletes them.
        if (draftKeys().length > 0 && !window.confirm(t("unsavedDrafts"))) return;
        setPending(true);
        dropDrafts();
        void forgetOfflinePages().finally(() => signOut({ callbackUrl: "/login" }));
      }}
      className={
        className ??
        "rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 disabled:opacity-60"
      }
    >
      {t("signOut")}
    </button>
  );
}
