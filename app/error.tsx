"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

// Unexpected errors only: the message of a server error never reaches the browser in
// production, so the page shows a generic text and the digest to match the server log.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("common.error");
  const digest =
    error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="mx-auto flex max-w-xl flex-col items-start gap-4 px-4 py-12">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{t("body")}</p>
      {digest ? <p className="text-sm text-slate-600">{t("reference", { digest })}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => retry()}>{t("retry")}</Button>
        {/* A full load, not a client navigation: after an error the page starts clean, and the
            error boundary ships without the router's link code. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load on purpose */}
        <a
          href="/"
          className="inline-flex min-h-11 items-center rounded-md px-4 text-sm font-medium text-teal-800 underline"
        >
          {t("back")}
        </a>
      </div>
    </div>
  );
}
