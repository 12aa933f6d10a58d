"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { buttonClasses } from "@/components/ui/button";
import { setStudentStatusAction } from "@/lib/students/actions";
import { ZSetStudentStatusSchema } from "@/lib/students/record-schema";

type Status = "ACTIVE" | "WITHDRAWN" | "TRANSFERRED";

/** Mark withdrawn / transferred (or active again) with an explicit confirmation step. */
export function StatusChange({ studentId, name, status }: { studentId: string; name: string; status: Status }) {
  const t = useTranslations("students");
  const [pendingTarget, setPendingTarget] = useState<Status | null>(null);
  const [showOutcome, setShowOutcome] = useState(false);
  const f = useActionForm({
    schema: ZSetStudentStatusSchema,
    action: setStudentStatusAction,
    defaultValues: {},
    bound: { id: studentId, status: pendingTarget },
    onSuccess: () => setPendingTarget(null),
  });
  const targets: Status[] = status === "ACTIVE" ? ["WITHDRAWN", "TRANSFERRED"] : ["ACTIVE"];
  const label = (s: Status) =>
    s === "WITHDRAWN"
      ? t("statusChange.markWithdrawn")
      : s === "TRANSFERRED"
        ? t("statusChange.markTransferred")
        : t("statusChange.reactivate");

  return (
    <div className="space-y-3">
      <p>{t("statusChange.current", { status: t(`status.${status}`) })}</p>
      {pendingTarget ? (
        <ActionForm
          form={f}
          role="group"
          aria-labelledby="status-confirm"
          className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3"
        >
          <p id="status-confirm">{t(`statusChange.confirm${pendingTarget}`, { name })}</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              disabled={f.pending}
              onClick={() => setShowOutcome(true)}
              className={buttonClasses(pendingTarget === "ACTIVE" ? "primary" : "danger")}
            >
              {t("statusChange.confirm")}
            </button>
            <button
              type="button"
              disabled={f.pending}
              onClick={() => setPendingTarget(null)}
              className={buttonClasses("secondary")}
            >
              {t("statusChange.cancel")}
            </button>
          </div>
        </ActionForm>
      ) : (
        <div className="flex flex-wrap gap-2">
          {targets.map((target) => (
            <button
              key={target}
              type="button"
              onClick={() => {
                setShowOutcome(false);
                setPendingTarget(target);
              }}
              className={buttonClasses("secondary")}
            >
              {label(target)}
            </button>
          ))}
        </div>
      )}
      {showOutcome ? <FormStatus result={f.result} saved={t("statusChange.done")} /> : null}
    </div>
  );
}
