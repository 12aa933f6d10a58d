import { PendingLink } from "@/components/nav/pending-link";
import { getTranslations } from "next-intl/server";
import type { StudentListRow } from "@/lib/students/queries";

const STATUS_STYLE = {
  ACTIVE: "bg-emerald-100 text-emerald-900",
  WITHDRAWN: "bg-slate-200 text-slate-800",
  TRANSFERRED: "bg-amber-100 text-amber-900",
} as const;

function fullName(r: StudentListRow): string {
  return `${[r.paternalSurname, r.maternalSurname].filter(Boolean).join(" ")}, ${r.givenNames}`;
}

/** A table on wide screens; at phone width the same rows become cards (no sideways scrolling). */
export async function StudentsTable({ rows, showSchool }: { rows: StudentListRow[]; showSchool: boolean }) {
  const t = await getTranslations("students");
  const doc = (r: StudentListRow) =>
    r.documentNumber ? `${r.documentType} ${r.documentNumber}` : t("documentType.NONE");
  const status = (r: StudentListRow) => (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[r.status]}`}>
      {t(`status.${r.status}`)}
    </span>
  );
  return (
    <>
      <table className="hidden w-full border-collapse overflow-hidden rounded-lg border border-slate-200 bg-white text-sm md:table">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="p-2">
              {t("columns.name")}
            </th>
            <th scope="col" className="p-2">
              {t("columns.document")}
            </th>
            <th scope="col" className="p-2">
              {t("columns.sex")}
            </th>
            <th scope="col" className="p-2">
              {t("columns.grade")}
            </th>
            {showSchool && (
              <th scope="col" className="p-2">
                {t("columns.school")}
              </th>
            )}
            <th scope="col" className="p-2">
              {t("columns.status")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-200">
              <td className="p-2">
                <PendingLink
                  href={`/students/${r.id}`}
                  className="font-medium text-teal-800 underline underline-offset-2 hover:decoration-2"
                >
                  {fullName(r)}
                </PendingLink>
              </td>
              <td className="p-2 tabular-nums">{doc(r)}</td>
              <td className="p-2">{t(`sex.${r.sex}`)}</td>
              <td className="p-2">{t("gradeSection", { grade: r.grade, section: r.section })}</td>
              {showSchool && <td className="p-2">{r.schoolName}</td>}
              <td className="p-2">{status(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-2 md:hidden">
        {rows.map((r) => (
          <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3">
            <PendingLink href={`/students/${r.id}`} className="block min-h-11 font-medium text-teal-800 underline">
              {fullName(r)}
            </PendingLink>
            <p className="mt-1 text-sm text-slate-700">
              {doc(r)} · {t(`sex.${r.sex}`)} · {t("gradeSection", { grade: r.grade, section: r.section })}
              {showSchool ? ` · ${r.schoolName}` : ""}
            </p>
            <p className="mt-1">{status(r)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
