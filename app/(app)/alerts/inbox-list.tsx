"use client";

import { useTranslations } from "next-intl";
import { PendingLink } from "@/components/nav/pending-link";
import { AlertActions } from "./alert-actions";

/** One alert as the inbox shows it; the sentences with numbers and dates come from the server. */
export type InboxAlertView = { id: string; kind: string; reason: string; raised: string };

/** One student of the inbox: who, their open case if any, and every open alert. */
export type InboxStudentView = {
  id: string;
  name: string;
  /** Grade, section, sex (and school when the user has several), already written out. */
  detail: string;
  openCaseId: string | null;
  alerts: InboxAlertView[];
};

/**
 * The inbox's students, drawn from their data: the page sends each row as a few strings, not as
 * a tree of elements, and the server draws the HTML once instead of writing every element into
 * the page's payload and then again as HTML (decision 017, ninth round). The sentences that hold
 * numbers and dates are written on the server, so the browser's own number and date formats
 * cannot make them differ; the rest are plain catalogue lookups. Styles: `.inbox-student` in
 * app/globals.css.
 */
export function InboxList({
  rows,
  canReview,
  canOpenCase,
}: {
  rows: InboxStudentView[];
  canReview: boolean;
  canOpenCase: boolean;
}) {
  const t = useTranslations("alerts");
  return (
    <ul className="space-y-3">
      {rows.map((student) => (
        <li key={student.id} className="inbox-student" data-testid="inbox-student">
          <h2>
            <PendingLink href={`/students/${student.id}`} className="list-card-title">
              {student.name}
            </PendingLink>
          </h2>
          <p className="text-sm text-slate-700">{student.detail}</p>
          {student.openCaseId ? (
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
              <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900">
                {t("inbox.openCaseBadge")}
              </span>
              <PendingLink href={`/cases/${student.openCaseId}`} className="text-teal-800 underline">
                {t("inbox.viewCase")}
              </PendingLink>
            </p>
          ) : null}
          <ul aria-label={t("inbox.reasons", { name: student.name })} className="inbox-alerts">
            {student.alerts.map((a) => (
              <li key={a.id}>
                <div>
                  <p className="inbox-kind">{t(`kinds.${a.kind as "CONCERN"}`)}</p>
                  <p>{a.reason}</p>
                  <p className="inbox-meta">{a.raised}</p>
                </div>
                {canReview ? (
                  <AlertActions
                    alertId={a.id}
                    studentName={student.name}
                    hasOpenCase={student.openCaseId !== null}
                    canOpenCase={canOpenCase}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
