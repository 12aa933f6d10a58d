import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/sign-in";
import { ForgetOfflinePages } from "@/components/offline/forget-offline-pages";
import { Notice } from "@/components/ui/notice";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; password?: string }>;
}) {
  const params = await searchParams;
  // Only a path on this site: an address elsewhere would turn the login page into an open redirect.
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const [t, tu] = await Promise.all([getTranslations("auth"), getTranslations("users.password")]);
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-8">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-wide text-teal-700">Permanencia</p>
        <h1 className="mt-1 text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
        {params.password === "changed" ? (
          <div className="mt-4">
            <Notice tone="success">{tu("changed")}</Notice>
          </div>
        ) : null}
        <LoginForm callbackUrl={callbackUrl} />
        <ForgetOfflinePages />
      </div>
    </main>
  );
}
