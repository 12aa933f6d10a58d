import { PendingLink } from "@/components/nav/pending-link";
import type { getTranslations } from "next-intl/server";
import type { InboxStudent } from "@/lib/alerts/queries";
import { alertReason } from "@/lib/alerts/reason";
import { formatDateTime } from "@/lib/format/date";
import { AlertActions } from "./alert-actions";

type Translate = Awaited<ReturnType<typeof getTranslations<"alerts">>>;

/**
 * One student of the inbox: who, and every open alert with its figures and its own actions.
 * Synchronous, with the page's translator: an async component is a separate part of the
 * response for each of the page's rows. Styles: `.inbox-student` in app/globals.css, once
 * instead of a class list on every alert of the page.
 */
export function InboxStudentRow({
  row,
  showSchool,
  canReview,
  canOpenCase,
  t,
  locale,
}: {
  row: InboxStudent;
  showSchool: boolean;
  canReview: boolean;
  canOpenCase: boolean;
  t: Translate;
  locale: string;
}) {
  const { student } = row;
  return (
    <li className="inbox-student" data-testid="inbox-student">
      <h2 className="text-base font-semibold">
        <PendingLink href={`/students/${student.id}`} className="list-card-title">
          {student.name}
        </PendingLink>
      </h2>
      <p className="text-sm text-slate-700">
        {t("gradeSection", { grade: student.grade, section: student.section })} · {t(`sex.${student.sex}`)}
        {showSchool ? ` · ${row.school.name}` : null}
      </p>
      {row.openCaseId ? (
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900">
            {t("inbox.openCaseBadge")}
          </span>
          <PendingLink href={`/cases/${row.openCaseId}`} className="text-teal-800 underline">
            {t("inbox.viewCase")}
          </PendingLink>
        </p>
      ) : null}
      <ul aria-label={t("inbox.reasons", { name: student.name })} className="inbox-alerts">
        {row.alerts.map((a) => {
          const reason = alertReason(a, locale);
          return (
            <li key={a.id}>
              <div>
                <p className="inbox-kind">{t(`kinds.${a.kind as "CONCERN"}`)}</p>
                <p>{t(`reason.${reason.key as "consecutive"}`, reason.values)}</p>
                <p className="inbox-meta">{t("inbox.raisedOn", { date: formatDateTime(a.createdAt) })}</p>
              </div>
              {canReview ? (
                <AlertActions
                  alertId={a.id}
                  studentName={student.name}
                  hasOpenCase={row.openCaseId !== null}
                  canOpenCase={canOpenCase}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </li>
  );
}
