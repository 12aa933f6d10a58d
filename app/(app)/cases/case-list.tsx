import { PendingLink } from "@/components/nav/pending-link";
import { getTranslations } from "next-intl/server";
import type { CaseListRow } from "@/lib/cases/queries";
import { formatDateTime } from "@/lib/format/date";
import { StateBadge, studentFullName } from "./state-badge";

/** Cards rather than a table: they read the same at 360 px and on a desktop. */
export async function CaseList({ rows, showSchool }: { rows: CaseListRow[]; showSchool: boolean }) {
  const t = await getTranslations("cases");
  return (
    <ul className="flex flex-col gap-2" data-testid="case-list">
      {rows.map((row) => {
        const name = studentFullName(row.student);
        const team = row.assignments.map((a) => a.user.name);
        return (
          <li key={row.id} data-testid="case-row" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <PendingLink
                href={`/cases/${row.id}`}
                aria-label={t("list.openCase", { name })}
                className="font-semibold text-teal-800 underline underline-offset-2 hover:decoration-2"
              >
                {name}
              </PendingLink>
              <StateBadge state={row.state} label={t(`states.${row.state}`)} />
            </div>
            <p className="mt-1 text-sm text-slate-700">
              {t("gradeSection", { grade: row.student.grade, section: row.student.section })} ·{" "}
              {t(`sex.${row.student.sex}`)}
              {showSchool ? ` · ${row.school.name}` : null}
            </p>
            <p className="mt-1 text-sm text-slate-700">
              {team.length ? t("list.team", { names: team.join(", ") }) : t("list.unassigned")}
            </p>
            <p className="mt-1 text-xs text-slate-600">{t("list.updated", { date: formatDateTime(row.updatedAt) })}</p>
          </li>
        );
      })}
    </ul>
  );
}
