"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { CaseActionState } from "@/lib/cases/actions";

/**
 * Outcome of a case form. A conflict offers to reload; once the page holds a newer version
 * than the refused form had, it says so instead of repeating "reload".
 */
export function FormStatus({ state, version, saved }: { state: CaseActionState; version: number; saved: string }) {
  const t = useTranslations("cases");
  const router = useRouter();
  if (!state) return null;
  if (state.ok) return <Notice tone="success">{saved}</Notice>;
  if (state.code === "CONFLICT" && Number(state.values.version) !== version) {
    return <Notice tone="info">{t("conflict.reloaded")}</Notice>;
  }
  return (
    <Notice tone="error">
      <p>{state.message ?? t("genericError")}</p>
      {state.code === "CONFLICT" ? (
        <Button variant="secondary" className="mt-2" onClick={() => router.refresh()}>
          {t("conflict.reload")}
        </Button>
      ) : null}
    </Notice>
  );
}

/** The hidden fields every case form sends: which case, and the version the user is looking at. */
export function CaseRefFields({ caseId, version }: { caseId: string; version: number }) {
  return (
    <>
      <input type="hidden" name="caseId" value={caseId} readOnly />
      <input type="hidden" name="version" value={version} readOnly />
    </>
  );
}
