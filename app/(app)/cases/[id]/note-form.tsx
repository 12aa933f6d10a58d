"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { useLightActionForm } from "@/components/forms/use-light-action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { addCaseNoteAction } from "@/lib/cases/actions";
import { CaseFormStatus } from "./form-status";

export function NoteForm({ caseId, version }: { caseId: string; version: number }) {
  const t = useTranslations("cases.note");
  const f = useLightActionForm({
    schema: () => import("@/lib/cases/schema").then((m) => m.ZAddCaseNoteSchema),
    action: addCaseNoteAction,
    defaultValues: { body: "" },
    bound: { caseId, version },
    onSuccess: (_, form) => form.reset(),
  });
  return (
    <ActionForm form={f} className="flex flex-col gap-3">
      <TextAreaField
        id="case-note-body"
        label={t("label")}
        help={t("help")}
        rows={4}
        maxLength={5000}
        {...f.field("body")}
      />
      <CaseFormStatus form={f} version={version} saved={t("saved")} />
      <div>
        <Button type="submit" disabled={f.pending}>
          {t("submit")}
        </Button>
      </div>
    </ActionForm>
  );
}
