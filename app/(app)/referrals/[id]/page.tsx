import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { OverdueBadge, ReferralStatusBadge, UrgencyBadge } from "@/components/referrals/referral-badges";
import { CardSection } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getRequestOrigin } from "@/lib/auth/origin";
import { requireUser } from "@/lib/auth/session";
import { buildCaseTimeline, clampTimelineLimit } from "@/lib/cases/timeline";
import { isAppError } from "@/lib/errors/app-error";
import { getReferralPageOrThrow } from "@/lib/referrals/queries/referral-page";
import { CaseSummary } from "../../cases/[id]/case-summary";
import { CaseVisits } from "../../cases/[id]/case-visits";
import { EvaluationsSection } from "../../cases/[id]/evaluations-section";
import { TimelineList } from "../../cases/[id]/timeline-list";
import { AnswerForms } from "./answer-forms";
import { CounterReferral, ReferralDetails } from "./referral-details";

export const generateMetadata = titleFrom("common.nav", "referrals");

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ limit?: string }> };

async function load(user: Awaited<ReturnType<typeof requireUser>>, id: string) {
  try {
    return await getReferralPageOrThrow(user, id, await getRequestOrigin());
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/**
 * One referral. Agency staff see it with exactly the sections it shares while it is open,
 * its record after closing, its header after rejecting; the school side sees it all.
 */
export default async function ReferralPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const [{ id }, { limit }] = await Promise.all([params, searchParams]);
  const page = await load(user, id);
  const t = await getTranslations("referrals");
  const r = page.referral;
  const file = page.file;
  const timeline = file ? buildCaseTimeline(file, { limit: Number(limit) || undefined }) : null;

  return (
    <div className="space-y-4">
      <Link prefetch={false} href="/referrals" className="text-sm text-teal-800 underline underline-offset-2">
        {t("detail.back")}
      </Link>
      <PageHeader
        title={t("detail.title", { agency: r.agencyName })}
        description={
          <span className="flex flex-wrap items-center gap-2" data-testid="referral-state">
            {r.overdue ? <OverdueBadge label={t("overdue")} /> : null}
            <ReferralStatusBadge status={r.status} label={t(`status.${r.status}`)} />
            <UrgencyBadge urgency={r.urgency} label={t(`urgency.${r.urgency}`)} />
          </span>
        }
        actions={
          page.caseId ? (
            <Link
              prefetch={false}
              href={`/cases/${page.caseId}/referrals`}
              className="text-sm text-teal-800 underline underline-offset-2"
            >
              {t("detail.toCase")}
            </Link>
          ) : null
        }
      />
      {page.view === "AGENCY_REJECTED" ? <Notice>{t("detail.rejectedNote")}</Notice> : null}
      {page.view === "AGENCY_CLOSED" ? <Notice>{t("detail.closedNote")}</Notice> : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="flex min-w-0 flex-col gap-4">
          <ReferralDetails page={page} />
          <CounterReferral page={page} />
          {page.moves.length ? (
            <CardSection id="referral-answer" title={t("answer.title")}>
              <AnswerForms referralId={r.id} version={r.version} moves={page.moves} />
            </CardSection>
          ) : null}
        </div>
        {file && timeline ? (
          <section aria-labelledby="referral-shared" className="flex min-w-0 flex-col gap-4" data-testid="shared-case">
            <div>
              <h2 id="referral-shared" className="text-lg font-semibold text-slate-900">
                {t("detail.sharedTitle")}
              </h2>
              <p className="text-sm text-slate-600">{t("detail.sharedHelp")}</p>
            </div>
            <CaseSummary file={file} />
            <EvaluationsSection user={user} file={file} />
            {/* An agency sees no school staff names. */}
            <CaseVisits user={user} file={file} names={new Map()} />
            <CardSection id="referral-timeline" title={t("detail.timeline")}>
              <TimelineList
                timeline={timeline}
                actors={new Map()}
                moreHref={`/referrals/${r.id}?limit=${clampTimelineLimit(timeline.limit * 2)}`}
              />
            </CardSection>
          </section>
        ) : null}
      </div>
    </div>
  );
}
