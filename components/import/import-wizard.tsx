"use client";

import { useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ImportIssue } from "@/lib/imports/types";
import { ImportCounts, ImportErrors } from "./import-report";
import { readImportEvents } from "./read-events";
import { MAX_UPLOAD_BYTES, type ImportCount, type ImportEvent } from "@/lib/imports/wire";

type Progress = Extract<ImportEvent, { type: "progress" }>;
type State =
  | { step: "idle" }
  | { step: "busy"; kind: "preview" | "commit"; progress: Progress | null; preview: Preview | null }
  | { step: "preview"; preview: Preview }
  | { step: "done"; counts: ImportCount[] }
  | { step: "failed"; message: string; errors: ImportIssue[] };
type Preview = { counts: ImportCount[]; errors: ImportIssue[]; errorCount: number };

/**
 * Upload → preview with per-row errors → confirm → result. The file stays in the browser
 * between preview and confirm and is sent again: the server keeps no half-finished upload.
 * `children` are extra form fields (school, month) posted with the file.
 */
export function ImportWizard({ endpoint, children }: { endpoint: string; children?: ReactNode }) {
  const t = useTranslations("students.importWizard");
  const form = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<State>({ step: "idle" });
  const busy = state.step === "busy";

  async function run(kind: "preview" | "commit") {
    if (!form.current) return;
    const data = new FormData(form.current);
    data.set("phase", kind);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0)
      return setState({ step: "failed", message: t("noFile"), errors: [] });
    if (file.size > MAX_UPLOAD_BYTES) {
      return setState({ step: "failed", message: t("tooLarge", { max: MAX_UPLOAD_BYTES / 1024 / 1024 }), errors: [] });
    }
    const preview = state.step === "preview" ? state.preview : null;
    setState({ step: "busy", kind, progress: null, preview });
    // Filled from inside the event callback, hence a holder rather than a narrowed `let`.
    const outcome: { state: State | null } = { state: null };
    try {
      const response = await fetch(endpoint, { method: "POST", body: data });
      await readImportEvents(response, (event) => {
        if (event.type === "progress") setState({ step: "busy", kind, progress: event, preview });
        else if (event.type === "preview") outcome.state = { step: "preview", preview: event };
        else if (event.type === "result") outcome.state = { step: "done", counts: event.counts };
        else outcome.state = { step: "failed", message: event.message, errors: event.errors };
      });
    } catch {
      outcome.state = { step: "failed", message: t("networkError"), errors: [] };
    }
    setState(outcome.state ?? { step: "failed", message: t("genericError"), errors: [] });
  }

  const reset = () => {
    if (!busy && state.step !== "idle") setState({ step: "idle" });
  };

  return (
    <div className="space-y-4">
      <form
        ref={form}
        onSubmit={(e) => {
          e.preventDefault();
          void run("preview");
        }}
        onChange={reset}
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        {children}
        <div className="flex flex-col gap-1">
          <label htmlFor="import-file" className="text-sm font-medium text-slate-800">
            {t("fileLabel")}
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-file-help"
            className={controlClasses}
          />
          <p id="import-file-help" className="text-sm text-slate-600">
            {t("fileHelp", { max: MAX_UPLOAD_BYTES / 1024 / 1024 })}
          </p>
        </div>
        <button type="submit" disabled={busy} className={buttonClasses("secondary")}>
          {t("review")}
        </button>
      </form>

      <div aria-live="polite" role="status" data-testid="import-progress">
        {busy && <ProgressLine kind={state.kind} progress={state.progress} />}
      </div>

      {state.step === "failed" && (
        <div className="space-y-3">
          <Notice tone="error">{state.message}</Notice>
          {state.errors.length > 0 && <ImportErrors errors={state.errors} errorCount={state.errors.length} />}
        </div>
      )}

      {(state.step === "preview" || (state.step === "busy" && state.preview)) && (
        <PreviewPanel
          preview={state.step === "preview" ? state.preview : state.preview!}
          disabled={busy}
          onConfirm={() => void run("commit")}
        />
      )}

      {state.step === "done" && (
        <section aria-labelledby="import-done" className="space-y-3">
          <h2 id="import-done" className="text-lg font-semibold">
            {t("done")}
          </h2>
          <ImportCounts counts={state.counts} label={t("resultLabel")} />
        </section>
      )}
    </div>
  );
}

function ProgressLine({ kind, progress }: { kind: "preview" | "commit"; progress: Progress | null }) {
  const t = useTranslations("students.importWizard");
  const phase = progress?.phase ?? "upload";
  // Only reading and writing report how far they are; validating has no count of its own, so
  // its bar moves without a figure instead of sitting full while rows are still checked.
  const measured = progress && progress.total > 0 && (phase === "parse" || phase === "write");
  const pct = measured ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  return (
    <div className="space-y-1 rounded border border-slate-200 bg-slate-50 p-3">
      <p className="font-medium">
        {t("processing")} {t(`phases.${phase}`)}
        {kind === "commit" && pct !== null ? ` (${pct} %)` : ""}
      </p>
      {pct !== null ? (
        <progress className="w-full" max={100} value={pct} aria-label={t(`phases.${phase}`)} />
      ) : (
        <progress className="w-full" aria-label={t(`phases.${phase}`)} />
      )}
    </div>
  );
}

function PreviewPanel({
  preview,
  disabled,
  onConfirm,
}: {
  preview: Preview;
  disabled: boolean;
  onConfirm: () => void;
}) {
  const t = useTranslations("students.importWizard");
  const hasErrors = preview.errorCount > 0;
  return (
    <section aria-labelledby="import-preview" className="space-y-3">
      <h2 id="import-preview" className="text-lg font-semibold">
        {t("previewTitle")}
      </h2>
      <ImportCounts counts={preview.counts} label={t("previewTitle")} />
      {hasErrors ? (
        <ImportErrors errors={preview.errors} errorCount={preview.errorCount} />
      ) : (
        <Notice tone="success">{t("noErrors")}</Notice>
      )}
      <button
        type="button"
        onClick={onConfirm}
        disabled={disabled || hasErrors}
        aria-describedby={hasErrors ? "import-confirm-help" : undefined}
        className={buttonClasses("primary")}
      >
        {t("confirm")}
      </button>
      {hasErrors && (
        <p id="import-confirm-help" className="text-sm text-slate-700">
          {t("confirmDisabled")}
        </p>
      )}
    </section>
  );
}
