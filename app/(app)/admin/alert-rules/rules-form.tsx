"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { updateAlertRulesAction } from "@/lib/alerts/actions";
import type { SchoolRules } from "@/lib/alerts/rule-settings";
import { ZUpdateAlertRulesSchema } from "@/lib/alerts/schema";

type Row = { schoolId: string; kind: string; threshold: string; windowDays: string; active: boolean };

/**
 * Every rule of every school as one table and one save (a form per rule made 16 forms and
 * 5,600 px on a phone). Each cell is named by its school, its rule and its column.
 */
export function RulesForm({ schools }: { schools: SchoolRules[] }) {
  const t = useTranslations("alerts");
  const rows: Row[] = schools.flatMap((s) =>
    s.rules.map((r) => ({
      schoolId: s.id,
      kind: r.kind,
      threshold: String(r.threshold),
      windowDays: r.kind === "UNJUSTIFIED_RATE" ? String(r.windowDays ?? 20) : "",
      active: r.active,
    })),
  );
  const f = useActionForm({
    schema: ZUpdateAlertRulesSchema,
    action: updateAlertRulesAction,
    defaultValues: { rules: rows },
  });
  const cell = "border-b border-slate-100 px-2 py-1 align-middle";
  // Position of each school's first rule in the flat list the form sends.
  const offsets = schools.map((_, k) => schools.slice(0, k).reduce((sum, s) => sum + s.rules.length, 0));
  return (
    <ActionForm form={f} aria-labelledby="rules-title" className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{t("rules.title")}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th id="col-rule" scope="col" className="px-2 py-2">
                {t("rules.rule")}
              </th>
              <th id="col-threshold" scope="col" className="px-2 py-2">
                {t("rules.threshold")}
              </th>
              <th id="col-window" scope="col" className="px-2 py-2">
                {t("rules.windowDays")}
              </th>
              <th id="col-active" scope="col" className="px-2 py-2">
                {t("rules.active")}
              </th>
            </tr>
          </thead>
          {schools.map((s, k) => (
            <tbody key={s.id} data-testid={`rules-${s.codigoModular}`}>
              <tr>
                <th
                  id={`school-${s.id}`}
                  colSpan={4}
                  scope="colgroup"
                  className="bg-slate-50 px-2 pb-1 pt-3 font-semibold"
                >
                  {t("rules.school", { name: s.name, code: s.codigoModular })}
                </th>
              </tr>
              {s.rules.map((r, j) => {
                const n = `rules.${offsets[k] + j}` as const;
                const id = `${s.id}-${r.kind}`;
                const names = (column: string) => `school-${s.id} ${id} ${column}`;
                const errors = { threshold: f.errorOf(`${n}.threshold`), windowDays: f.errorOf(`${n}.windowDays`) };
                // The cell's own message, below it and tied to it (never inside its name).
                const message = (field: "threshold" | "windowDays") =>
                  errors[field] ? (
                    <span id={`${id}-${field}-error`} className="block text-sm font-medium text-red-700">
                      {errors[field]}
                    </span>
                  ) : null;
                return (
                  <tr key={r.kind} data-kind={r.kind}>
                    <th id={id} scope="row" className={`${cell} font-medium`}>
                      {t(`kinds.${r.kind}`)}
                      <input type="hidden" {...f.form.register(`${n}.schoolId`)} />
                      <input type="hidden" {...f.form.register(`${n}.kind`)} />
                    </th>
                    <td className={cell}>
                      <input
                        inputMode="decimal"
                        aria-labelledby={names("col-threshold")}
                        aria-invalid={Boolean(errors.threshold) || undefined}
                        aria-describedby={errors.threshold ? `${id}-threshold-error` : undefined}
                        className={`${controlClasses} w-20`}
                        {...f.form.register(`${n}.threshold`)}
                      />
                      {message("threshold")}
                    </td>
                    <td className={cell}>
                      {r.kind === "UNJUSTIFIED_RATE" ? (
                        <>
                          <input
                            inputMode="numeric"
                            aria-labelledby={names("col-window")}
                            aria-invalid={Boolean(errors.windowDays) || undefined}
                            aria-describedby={errors.windowDays ? `${id}-windowDays-error` : undefined}
                            className={`${controlClasses} w-20`}
                            {...f.form.register(`${n}.windowDays`)}
                          />
                          {message("windowDays")}
                        </>
                      ) : (
                        <span className="text-slate-600">—</span>
                      )}
                    </td>
                    <td className={cell}>
                      <input
                        type="checkbox"
                        aria-labelledby={names("col-active")}
                        className="size-5"
                        {...f.form.register(`${n}.active`)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white py-3">
        <Button type="submit" disabled={f.pending}>
          {t("rules.saveAll")}
        </Button>
        <div className="min-w-0 flex-1">
          <FormStatus
            result={f.result}
            saved={t("rules.savedAll", { count: f.result?.ok ? f.result.data.changed : 0 })}
          />
        </div>
      </div>
    </ActionForm>
  );
}
