"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useLightActionForm } from "@/components/forms/use-light-action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { scheduleNextVisitAction, scheduleVisitAction } from "@/lib/visits/actions";
import { TIME_WINDOWS } from "@/lib/visits/labels";
import { Choice, ChoiceGroup } from "./choice";

export type AssigneeOption = { id: string; label: string };

type Props = {
  caseId: string;
  assignees: AssigneeOption[];
  defaults: { scheduledFor: string; timeWindow: string; assigneeId: string; purpose: string };
  /** Bounds of the date picker (YYYY-MM-DD): today and three months ahead. */
  min: string;
  max: string;
  /** The next attempt after a failed visit: stays on the visit's page instead of going to the case. */
  next?: boolean;
  submitLabel: string;
};

/** "Programar visita": date, half-day, who goes and what for; the same schema as the server. */
export function ScheduleVisitForm({ caseId, assignees, defaults, min, max, next = false, submitLabel }: Props) {
  const t = useTranslations("visits.schedule");
  const tl = useTranslations("visits.labels");
  const f = useLightActionForm({
    schema: () => import("@/lib/visits/schema").then((m) => m.ZScheduleVisitSchema),
    action: next ? scheduleNextVisitAction : scheduleVisitAction,
    defaultValues: defaults,
    bound: { caseId },
  });
  const id = next ? "next-visit" : "visit";
  return (
    <ActionForm form={f} className="flex flex-col gap-4">
      <TextField
        id={`${id}-date`}
        type="date"
        label={t("date")}
        help={t("dateHelp")}
        min={min}
        max={max}
        required
        {...f.field("scheduledFor")}
      />
      <ChoiceGroup legend={t("window")} error={f.errorOf("timeWindow")} errorId={`${id}-window-error`} columns={2}>
        {TIME_WINDOWS.map((w) => (
          <Choice key={w} label={tl(`windows.${w}`)} {...f.radio("timeWindow", w)} />
        ))}
      </ChoiceGroup>
      <SelectField id={`${id}-assignee`} label={t("assignee")} required {...f.field("assigneeId")}>
        <option value="">{t("assigneePlaceholder")}</option>
        {assignees.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={`${id}-purpose`}
        label={t("purpose")}
        help={t("purposeHelp")}
        rows={2}
        maxLength={500}
        required
        {...f.field("purpose")}
      />
      <FormStatus result={f.result} />
      <div>
        <Button type="submit" disabled={f.pending} className="w-full sm:w-auto">
          {submitLabel}
        </Button>
      </div>
    </ActionForm>
  );
}
