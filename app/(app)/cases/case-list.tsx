import { getTranslations } from "next-intl/server";
import type { CaseListRow } from "@/lib/cases/list";
import { formatDateTime } from "@/lib/format/date";
import { CaseCards } from "./case-cards";
import { studentFullName } from "./state-badge";

/** Cards rather than a table: they read the same at 360 px and on a desktop (`.list-card`, app/globals.css). */
export async function CaseList({ rows, showSchool }: { rows: CaseListRow[]; showSchool: boolean }) {
  const t = await getTranslations("cases");
  return (
    <ul className="flex flex-col gap-2" data-testid="case-list">
      <CaseCards
        rows={rows.map((row) => {
          const name = studentFullName(row.student);
          return {
            id: row.id,
            name,
            openLabel: t("list.openCase", { name }),
            state: row.state,
            stateLabel: t(`states.${row.state}`),
            student: [
              t("gradeSection", { grade: row.student.grade, section: row.student.section }),
              t(`sex.${row.student.sex}`),
              ...(showSchool ? [row.school.name] : []),
            ].join(" · "),
            team: row.team.length ? t("list.team", { names: row.team.join(", ") }) : t("list.unassigned"),
            updated: t("list.updated", { date: formatDateTime(row.updatedAt) }),
          };
        })}
      />
    </ul>
  );
}
