"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/forms/form-status";
import type { BoundValues } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/actions/result";

type Props = {
  form: { result: ActionResult<unknown> | null; submitted: BoundValues | null };
  version: number;
  saved: string;
};

/**
 * Outcome of a case form. A conflict offers to reload; once the page holds a newer version
 * than the refused form had, it says so instead of repeating "reload".
 */
export function CaseFormStatus({ form: { result, submitted }, version, saved }: Props) {
  const t = useTranslations("cases.conflict");
  const router = useRouter();
  const conflict = result && !result.ok && result.code === "CONFLICT";
  if (conflict && Number(submitted?.version) !== version) {
    return <Notice tone="info">{t("reloaded")}</Notice>;
  }
  return (
    <FormStatus result={result} saved={saved}>
      {conflict ? (
        <Button variant="secondary" className="mt-2" onClick={() => router.refresh()}>
          {t("reload")}
        </Button>
      ) : null}
    </FormStatus>
  );
}
