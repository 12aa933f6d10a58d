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
  const t = useTranslations("students.statusChange");
  const ts = useTranslations("students.status");
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
    s === "WITHDRAWN" ? t("markWithdrawn") : s === "TRANSFERRED" ? t("markTransferred") : t("reactivate");

  return (
    <div className="space-y-3">
      <p>{t("current", { status: ts(status) })}</p>
      {pendingTarget ? (
        <ActionForm
          form={f}
          role="group"
          aria-labelledby="status-confirm"
          className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3"
        >
          <p id="status-confirm">{t(`confirm${pendingTarget}`, { name })}</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              disabled={f.pending}
              onClick={() => setShowOutcome(true)}
              className={buttonClasses(pendingTarget === "ACTIVE" ? "primary" : "danger")}
            >
              {t("confirm")}
            </button>
            <button
              type="button"
              disabled={f.pending}
              onClick={() => setPendingTarget(null)}
              className={buttonClasses("secondary")}
            >
              {t("cancel")}
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
      {showOutcome ? <FormStatus result={f.result} saved={t("done")} /> : null}
    </div>
  );
}
