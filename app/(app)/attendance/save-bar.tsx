"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export type SaveBarState =
  | { kind: "saving" }
  | { kind: "confirm" }
  | { kind: "waiting" }
  | { kind: "refused"; message: string }
  | { kind: "unsaved"; summary: string }
  | { kind: "saved"; summary: string; note: string }
  | { kind: "notSaved" };

const TONE: Record<SaveBarState["kind"], string> = {
  saving: "text-slate-800",
  confirm: "text-amber-950",
  waiting: "text-red-800",
  refused: "text-red-800",
  unsaved: "text-amber-900",
  saved: "text-emerald-900",
  notSaved: "text-slate-800",
};

/** Messages that take the bar's whole width, their buttons below them. */
const LONG = new Set<SaveBarState["kind"]>(["confirm", "waiting", "refused"]);

/**
 * The bar fixed at the bottom of the sheet: what happened to the last save, right beside the
 * button that saves — a phone never has to scroll to the top to learn whether it worked.
 */
export function SaveBar({
  state,
  disabled,
  onRetry,
  onConfirm,
  onCancel,
}: {
  state: SaveBarState;
  disabled: boolean;
  onRetry: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("attendance");
  let text: ReactNode;
  switch (state.kind) {
    case "saving":
      text = t("saving");
      break;
    case "confirm":
      text = t("confirmQuestion");
      break;
    case "waiting":
      text = t("failedNetwork");
      break;
    case "refused":
      text = t("failed", { message: state.message });
      break;
    case "unsaved":
      text = t("unsaved", { summary: state.summary });
      break;
    case "saved":
      text = (
        <>
          <span aria-hidden="true">✓ </span>
          {t("saved", { summary: state.summary })}
          <span className="block text-xs">{state.note}</span>
        </>
      );
      break;
    default:
      text = t("notSavedYet");
  }
  const secondary = "min-h-11 rounded-lg border border-slate-400 bg-white px-3 text-sm font-semibold text-slate-900";
  return (
    <div className="fixed inset-x-0 bottom-0 z-10 border-t border-slate-200 bg-white p-3 shadow-lg">
      <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-end gap-2">
        <p
          role="status"
          aria-live="polite"
          data-testid="attendance-status"
          data-state={state.kind}
          className={`min-w-0 flex-1 text-sm font-medium ${LONG.has(state.kind) ? "basis-full" : "basis-40"} ${TONE[state.kind]}`}
        >
          {text}
        </p>
        {state.kind === "confirm" ? (
          <>
            <button type="button" onClick={onCancel} className={secondary}>
              {t("confirmNo")}
            </button>
            <button
              type="button"
              onClick={onConfirm}
              className="min-h-11 rounded-lg bg-amber-700 px-4 text-sm font-semibold text-white"
            >
              {t("confirmYes")}
            </button>
          </>
        ) : (
          <>
            {state.kind === "waiting" ? (
              <button type="button" onClick={onRetry} disabled={disabled} className={secondary}>
                {t("retryNow")}
              </button>
            ) : null}
            <button
              type="submit"
              disabled={disabled}
              className="min-h-12 shrink-0 rounded-lg bg-teal-700 px-6 text-lg font-semibold text-white disabled:opacity-60"
            >
              {state.kind === "saving" ? t("saving") : t("save")}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
