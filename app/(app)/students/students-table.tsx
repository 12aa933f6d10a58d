import { getTranslations } from "next-intl/server";
import type { StudentListRow } from "@/lib/students/queries";
import { StudentRows } from "./student-rows";

function fullName(r: StudentListRow): string {
  return `${[r.paternalSurname, r.maternalSurname].filter(Boolean).join(" ")}, ${r.givenNames}`;
}

/**
 * One table at every width: the name, with the document, sex (and school) under it, then the
 * grade and the status, fits 360 px without sideways scrolling, so a phone gets the same rows
 * instead of a second copy of them as cards. Styles: `.list-table` in app/globals.css.
 */
export async function StudentsTable({ rows, showSchool }: { rows: StudentListRow[]; showSchool: boolean }) {
  const t = await getTranslations("students");
  const doc = (r: StudentListRow) =>
    r.documentNumber ? `${r.documentType} ${r.documentNumber}` : t("documentType.NONE");
  return (
    <table className="list-table" data-testid="students-table">
      <thead>
        <tr>
          <th scope="col">{t("columns.name")}</th>
          <th scope="col">{t("columns.grade")}</th>
          <th scope="col">{t("columns.status")}</th>
        </tr>
      </thead>
      <tbody>
        <StudentRows
          rows={rows.map((r) => ({
            id: r.id,
            name: fullName(r),
            detail: [doc(r), t(`sex.${r.sex}`), ...(showSchool ? [r.schoolName] : [])].join(" · "),
            grade: t("gradeSection", { grade: r.grade, section: r.section }),
            status: r.status,
            statusLabel: t(`status.${r.status}`),
          }))}
        />
      </tbody>
    </table>
  );
}
