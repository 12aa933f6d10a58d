import { PendingLink } from "@/components/nav/pending-link";
import { getTranslations } from "next-intl/server";
import type { StudentListRow } from "@/lib/students/queries";

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
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <PendingLink href={`/students/${r.id}`} className="row-link">
                {fullName(r)}
              </PendingLink>
              <span className="row-detail">
                {doc(r)} · {t(`sex.${r.sex}`)}
                {showSchool ? ` · ${r.schoolName}` : ""}
              </span>
            </td>
            <td>{t("gradeSection", { grade: r.grade, section: r.section })}</td>
            <td>
              <span className="badge" data-status={r.status}>
                {t(`status.${r.status}`)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
