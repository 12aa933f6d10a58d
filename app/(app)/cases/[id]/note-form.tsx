"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { addCaseNoteAction, type CaseActionState } from "@/lib/cases/actions";
import { CaseRefFields, FormStatus } from "./form-status";

export function NoteForm({ caseId, version }: { caseId: string; version: number }) {
  const t = useTranslations("cases");
  const [result, formAction, pending] = useActionState<CaseActionState, FormData>(addCaseNoteAction, null);
  // A refused note keeps its text (the form resets to this default after the action).
  const kept = result && !result.ok ? result.values.body : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <CaseRefFields caseId={caseId} version={version} />
      <TextAreaField
        id="case-note-body"
        name="body"
        label={t("note.label")}
        help={t("note.help")}
        rows={4}
        maxLength={5000}
        defaultValue={kept ?? ""}
        error={result && !result.ok ? result.fieldErrors.body : undefined}
      />
      <FormStatus state={result} version={version} saved={t("note.saved")} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("note.submit")}
        </Button>
      </div>
    </form>
  );
}
