"use client";

import { useTranslations } from "next-intl";
import type { ImportIssue } from "@/lib/imports/types";
import type { ImportCount } from "@/lib/imports/wire";

/** The figures of a preview or a finished import, as a description list. */
export function ImportCounts({ counts, label }: { counts: ImportCount[]; label: string }) {
  const t = useTranslations("students.importWizard");
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="import-counts">
      {counts.map((c) => (
        <div key={c.key} className="rounded border border-slate-200 bg-white p-2">
          <dt className="text-xs text-slate-600">{t.has(`counts.${c.key}`) ? t(`counts.${c.key}`) : c.key}</dt>
          <dd className="text-xl font-semibold tabular-nums" data-count={c.key}>
            {c.value.toLocaleString("es-PE")}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const SHOWN = 200;

/** Row errors as a table on wide screens and a list of cards on phones. */
export function ImportErrors({ errors, errorCount }: { errors: ImportIssue[]; errorCount: number }) {
  const t = useTranslations("students.importWizard");
  const shown = errors.slice(0, SHOWN);
  const rowText = (row: number) => (row > 0 ? String(row) : t("wholeFile"));
  return (
    <section aria-labelledby="import-errors-title" className="space-y-2">
      <h3 id="import-errors-title" className="font-semibold text-red-800">
        {t("errorsTitle", { count: errorCount })}
      </h3>
      <p className="text-sm">{t("errorsIntro")}</p>
      <table className="hidden w-full border-collapse text-sm sm:table" data-testid="import-errors">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="p-2">
              {t("colRow")}
            </th>
            <th scope="col" className="p-2">
              {t("colColumn")}
            </th>
            <th scope="col" className="p-2">
              {t("colReason")}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e, i) => (
            <tr key={i} className="border-b border-slate-200 align-top">
              <td className="p-2 tabular-nums">{rowText(e.row)}</td>
              <td className="p-2">{e.column || "—"}</td>
              <td className="p-2">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-2 sm:hidden" data-testid="import-errors-cards">
        {shown.map((e, i) => (
          <li key={i} className="rounded border border-red-200 bg-white p-2 text-sm">
            <p className="font-medium">
              {t("colRow")} {rowText(e.row)}
              {e.column ? ` · ${t("colColumn")} ${e.column}` : ""}
            </p>
            <p>{e.message}</p>
          </li>
        ))}
      </ul>
      {errors.length > SHOWN && <p className="text-sm">{t("moreErrors", { count: errors.length - SHOWN })}</p>}
    </section>
  );
}
