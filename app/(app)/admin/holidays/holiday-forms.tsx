"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { addHolidayAction, removeHolidayAction } from "@/lib/holidays/actions";
import { ZAddHolidaySchema, ZRemoveHolidaySchema } from "@/lib/holidays/schema";

export function AddHolidayForm() {
  const t = useTranslations("admin.holidays");
  const f = useActionForm({
    schema: ZAddHolidaySchema,
    action: addHolidayAction,
    defaultValues: { day: "", name: "" },
    onSuccess: (_, form) => form.reset({ day: "", name: "" }),
  });
  return (
    <ActionForm form={f} className="grid gap-3 sm:grid-cols-[auto_1fr_auto] sm:items-end" aria-labelledby="holiday-add">
      <TextField id="holiday-day" type="date" label={t("day")} required {...f.field("day")} />
      <TextField id="holiday-name" label={t("name")} maxLength={100} required {...f.field("name")} />
      <Button type="submit" disabled={f.pending}>
        {t("add")}
      </Button>
      <div className="sm:col-span-3">
        <FormStatus result={f.result} saved={t("added")} />
      </div>
    </ActionForm>
  );
}

export function RemoveHolidayButton({ day, label }: { day: string; label: string }) {
  const t = useTranslations("admin.holidays");
  const f = useActionForm({
    schema: ZRemoveHolidaySchema,
    action: removeHolidayAction,
    defaultValues: {},
    bound: { day },
  });
  return (
    <ActionForm form={f} aria-label={label}>
      <Button type="submit" variant="secondary" disabled={f.pending} aria-label={label}>
        {t("remove")}
      </Button>
      <FormStatus result={f.result && !f.result.ok ? f.result : null} />
    </ActionForm>
  );
}
