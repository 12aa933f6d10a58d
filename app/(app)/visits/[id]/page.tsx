import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { AddressOnFile } from "@/components/visits/address-on-file";
import { PhoneLinks } from "@/components/ui/phone-links";
import { getRequestOrigin } from "@/lib/auth/origin";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { formatDay } from "@/lib/format/date";
import { getVisitPage } from "@/lib/visits/visit-page";
import { OutcomeForm } from "./outcome-form";
import { VisitDone } from "./visit-done";

export const generateMetadata = titleFrom("visits.outcome", "pageTitle");

type Props = { params: Promise<{ id: string }> };

async function loadVisit(user: Awaited<ReturnType<typeof requireUser>>, id: string) {
  try {
    return await getVisitPage(user, id, await getRequestOrigin());
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/**
 * One visit, at the door on a phone: who and where first (phones dial on tap), then the
 * outcome form — or, once recorded, what was recorded and what comes next.
 */
export default async function VisitPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "visits.write")) notFound();
  const { id } = await params;
  const page = await loadVisit(user, id);
  const { visit, student } = page;
  const t = await getTranslations("visits");
  const window = visit.timeWindow ? t(`labels.windows.${visit.timeWindow}`) : t("labels.windowUnknown");

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link prefetch={false} href="/visits" className="text-sm text-teal-800 underline underline-offset-2">
        {t("outcome.back")}
      </Link>
      <PageHeader
        title={t("outcome.title", { name: student.name })}
        description={
          <>
            <span className="block">
              {t("mine.gradeSection", { grade: student.grade, section: student.section })} ·{" "}
              {t("outcome.scheduledFor", { date: formatDay(visit.scheduledFor), window })}
            </span>
            {visit.assignee ? (
              <span className="block">{t("outcome.assignedTo", { name: visit.assignee.name })}</span>
            ) : null}
            {visit.purpose ? <span className="block">{t("outcome.purpose", { text: visit.purpose })}</span> : null}
            <span className="flex flex-wrap gap-x-4">
              <Link
                prefetch={false}
                href={`/cases/${visit.caseId}`}
                className="inline-flex min-h-11 items-center text-teal-800 underline underline-offset-2"
              >
                {t("outcome.toCase")}
              </Link>
              <Link
                prefetch={false}
                href={`/students/${student.id}`}
                className="inline-flex min-h-11 items-center text-teal-800 underline underline-offset-2"
              >
                {t("outcome.toStudent")}
              </Link>
            </span>
          </>
        }
      />
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <AddressOnFile address={page.address} />
        <dl className="text-sm">
          {student.phone ? (
            <div className="grid grid-cols-[6.5rem_1fr] items-center gap-2">
              <dt className="text-slate-600">{t("people.phone")}</dt>
              <dd>
                <PhoneLinks phone={student.phone} />
              </dd>
            </div>
          ) : null}
          {student.guardianName ? (
            <div className="grid grid-cols-[6.5rem_1fr] items-center gap-2">
              <dt className="text-slate-600">{t("people.guardian")}</dt>
              <dd>
                {student.guardianName}
                {student.guardianRelationship ? ` (${student.guardianRelationship})` : null}
              </dd>
            </div>
          ) : null}
          {student.guardianPhone ? (
            <div className="grid grid-cols-[6.5rem_1fr] items-center gap-2">
              <dt className="text-slate-600">{t("people.guardianPhone")}</dt>
              <dd>
                <PhoneLinks phone={student.guardianPhone} whom={student.guardianName ?? undefined} />
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
      {visit.status === "SCHEDULED" ? (
        <section aria-labelledby="outcome-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="outcome-title" className="sr-only">
            {t("outcome.question")}
          </h2>
          <OutcomeForm userId={user.id} visitId={visit.id} hasAddress={Boolean(page.address.street)} />
        </section>
      ) : (
        <VisitDone page={page} />
      )}
    </div>
  );
}
