"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { setStudentStatusAction } from "@/lib/students/actions";

type Status = "ACTIVE" | "WITHDRAWN" | "TRANSFERRED";

/** Mark withdrawn / transferred (or active again) with an explicit confirmation step. */
export function StatusChange({ studentId, name, status }: { studentId: string; name: string; status: Status }) {
  const t = useTranslations("students");
  const [pendingTarget, setPendingTarget] = useState<Status | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, startTransition] = useTransition();
  const targets: Status[] = status === "ACTIVE" ? ["WITHDRAWN", "TRANSFERRED"] : ["ACTIVE"];
  const label = (s: Status) =>
    s === "WITHDRAWN"
      ? t("statusChange.markWithdrawn")
      : s === "TRANSFERRED"
        ? t("statusChange.markTransferred")
        : t("statusChange.reactivate");

  const confirm = (target: Status) =>
    startTransition(async () => {
      const result = await setStudentStatusAction(studentId, target);
      setPendingTarget(null);
      setMessage(
        result.ok
          ? { tone: "success", text: t("statusChange.done") }
          : { tone: "error", text: result.message ?? t("statusChange.genericError") },
      );
    });

  return (
    <div className="space-y-3">
      <p>{t("statusChange.current", { status: t(`status.${status}`) })}</p>
      {pendingTarget ? (
        <div
          role="group"
          aria-labelledby="status-confirm"
          className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3"
        >
          <p id="status-confirm">{t(`statusChange.confirm${pendingTarget}`, { name })}</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              disabled={busy}
              onClick={() => confirm(pendingTarget)}
              className={buttonClasses(pendingTarget === "ACTIVE" ? "primary" : "danger")}
            >
              {t("statusChange.confirm")}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => setPendingTarget(null)}
              className={buttonClasses("secondary")}
            >
              {t("statusChange.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {targets.map((target) => (
            <button
              key={target}
              type="button"
              onClick={() => {
                setMessage(null);
                setPendingTarget(target);
              }}
              className={buttonClasses("secondary")}
            >
              {label(target)}
            </button>
          ))}
        </div>
      )}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
    </div>
  );
}
