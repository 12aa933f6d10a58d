import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { findOpenAlerts, parseAlertFilters } from "@/lib/alerts/queries";
import { alertReason } from "@/lib/alerts/reason";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { AlertActions } from "./alert-actions";
import { AlertFiltersForm } from "./alert-filters";
import { AlertsPager } from "./alerts-pager";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AlertsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "alerts.read")) notFound();
  const [t, locale, result] = await Promise.all([
    getTranslations("alerts"),
    getLocale(),
    findOpenAlerts(user, parseAlertFilters(await searchParams)),
  ]);
  const canReview = can(user.role, "alerts.review");
  const canOpenCase = canReview && can(user.role, "cases.create");

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("inbox.title")}
        description={t("inbox.description")}
        actions={
          can(user.role, "alertRules.read") ? (
            <Link href="/alerts/rules" className={buttonClasses("secondary")}>
              {t("inbox.rulesLink")}
            </Link>
          ) : undefined
        }
      />
      <AlertFiltersForm filters={result.filters} sections={result.sections} />
      <p className="text-sm text-slate-700" role="status">
        {t("inbox.count", { total: result.total })}
      </p>
      {result.items.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">{t("inbox.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {result.items.map((a) => {
            const reason = alertReason(a, locale);
            return (
              <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-col gap-3 md:flex-row md:items-start md:justify-between">
                  <div className="min-w-0 space-y-1">
                    <p className="text-sm font-medium text-red-800">{t(`kinds.${a.kind as "CONCERN"}`)}</p>
                    <h2 className="text-base font-semibold">
                      <Link href={`/students/${a.student.id}`} className="underline-offset-2 hover:underline">
                        {a.student.name}
                      </Link>
                    </h2>
                    <p className="text-sm text-slate-700">
                      {t("gradeSection", { grade: a.student.grade, section: a.student.section })} ·{" "}
                      {t(`sex.${a.student.sex}`)}
                      {result.multiSchool ? ` · ${a.school.name}` : null}
                    </p>
                    <p>{t(`reason.${reason.key as "consecutive"}`, reason.values)}</p>
                    <p className="text-xs text-slate-600">
                      {t("inbox.raisedOn", { date: formatDateTime(a.createdAt) })}
                    </p>
                    {a.openCaseId ? (
                      <p className="flex flex-wrap items-center gap-2 text-sm">
                        <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-900">
                          {t("inbox.openCaseBadge")}
                        </span>
                        <Link href={`/cases/${a.openCaseId}`} className="text-teal-800 underline">
                          {t("inbox.viewCase")}
                        </Link>
                      </p>
                    ) : null}
                  </div>
                  {canReview ? (
                    <AlertActions
                      alertId={a.id}
                      studentName={a.student.name}
                      hasOpenCase={a.openCaseId !== null}
                      canOpenCase={canOpenCase}
                    />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <AlertsPager filters={result.filters} page={result.page} pages={result.pages} />
    </div>
  );
}
