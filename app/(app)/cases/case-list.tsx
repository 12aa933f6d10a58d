import { PendingLink } from "@/components/nav/pending-link";
import { getTranslations } from "next-intl/server";
import type { CaseListRow } from "@/lib/cases/list";
import { formatDateTime } from "@/lib/format/date";
import { StateBadge, studentFullName } from "./state-badge";

/** Cards rather than a table: they read the same at 360 px and on a desktop (`.list-card`, app/globals.css). */
export async function CaseList({ rows, showSchool }: { rows: CaseListRow[]; showSchool: boolean }) {
  const t = await getTranslations("cases");
  return (
    <ul className="flex flex-col gap-2" data-testid="case-list">
      {rows.map((row) => {
        const name = studentFullName(row.student);
        return (
          <li key={row.id} data-testid="case-row" className="list-card">
            <div className="list-card-head">
              <PendingLink
                href={`/cases/${row.id}`}
                aria-label={t("list.openCase", { name })}
                className="list-card-title"
              >
                {name}
              </PendingLink>
              <StateBadge state={row.state} label={t(`states.${row.state}`)} />
            </div>
            <p className="list-card-line">
              {t("gradeSection", { grade: row.student.grade, section: row.student.section })} ·{" "}
              {t(`sex.${row.student.sex}`)}
              {showSchool ? ` · ${row.school.name}` : null}
            </p>
            <p className="list-card-line">
              {row.team.length ? t("list.team", { names: row.team.join(", ") }) : t("list.unassigned")}
            </p>
            <p className="list-card-meta">{t("list.updated", { date: formatDateTime(row.updatedAt) })}</p>
          </li>
        );
      })}
    </ul>
  );
}
