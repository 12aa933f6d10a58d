import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { CardSection } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { getRetentionOverview } from "@/lib/retention/overview";
import { AnonymiseForm, RetentionYearsForm } from "./retention-forms";

type Props = { searchParams: Promise<{ review?: string; saved?: string; done?: string; students?: string }> };

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const count = (v: string | undefined) => (v && /^\d{1,7}$/.test(v) ? Number(v) : null);

/**
 * The administrator's retention page: the period, how many closed cases are past it, and the
 * anonymisation behind a confirmation step (a plain link to `?review=1`, so it needs no script).
 * Counts only: nothing of any case is shown.
 */
export default async function RetentionPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "retention.manage")) notFound();
  const [t, overview, query] = await Promise.all([
    getTranslations("admin.retention"),
    getRetentionOverview(user),
    searchParams,
  ]);
  const cutoff = ddmmyyyy(overview.cutoff);
  const done = count(query.done);
  const reviewing = query.review === "1" && overview.dueCases > 0;

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      {query.saved === "1" ? <Notice tone="success">{t("savedYears")}</Notice> : null}
      {done !== null ? (
        <Notice tone="success">{t("done", { cases: done, students: count(query.students) ?? 0 })}</Notice>
      ) : null}

      <CardSection id="retention-due-title" title={t("dueSection")}>
        <div className="space-y-3 text-sm" data-testid="retention-due">
          <p>{t("due", { cases: overview.dueCases, cutoff })}</p>
          {overview.dueCases > 0 ? <p>{t("dueStudents", { students: overview.dueStudents })}</p> : null}
          <p className="text-slate-600">
            {t("already", { cases: overview.anonymisedCases, students: overview.anonymisedStudents })}
          </p>
          {overview.dueCases > 0 && !reviewing ? (
            <Link
              prefetch={false}
              href="/admin/retention?review=1#retention-confirm-title"
              className={buttonClasses("secondary")}
            >
              {t("review")}
            </Link>
          ) : null}
        </div>
      </CardSection>

      {reviewing ? (
        <section
          aria-labelledby="retention-confirm-title"
          className="space-y-3 rounded-lg border-2 border-red-700 bg-white p-4 shadow-sm"
        >
          <h2 id="retention-confirm-title" className="text-lg font-semibold">
            {t("confirmTitle")}
          </h2>
          <p className="text-sm">{t("confirmText", { cases: overview.dueCases, cutoff })}</p>
          <p className="text-sm text-slate-700">{t("confirmKept")}</p>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
            <AnonymiseForm cutoff={overview.cutoff} expected={overview.dueCases} />
            <Link prefetch={false} href="/admin/retention" className={buttonClasses("secondary", "w-full sm:w-auto")}>
              {t("cancel")}
            </Link>
          </div>
        </section>
      ) : null}

      <CardSection id="retention-period-title" title={t("periodSection")}>
        <RetentionYearsForm years={overview.years} />
      </CardSection>
    </div>
  );
}
