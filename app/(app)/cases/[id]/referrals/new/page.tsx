import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { buttonClasses } from "@/components/ui/button";
import { CardSection } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getRequestOrigin } from "@/lib/auth/origin";
import { AGENCIES_WITHOUT_SENSITIVE_DATA, can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { REFERRAL_URGENCIES } from "@/lib/referrals/labels";
import { getNewReferralContext, type AgencyOption } from "@/lib/referrals/queries/new-referral";
import { ReferralForm } from "./referral-form";

export const generateMetadata = titleFrom("referrals.form", "title");

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ agency?: string; urgency?: string }> };

async function loadContext(user: Awaited<ReturnType<typeof requireUser>>, caseId: string) {
  try {
    return await getNewReferralContext(user, caseId, await getRequestOrigin());
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/**
 * "Nueva derivación" in two steps that work without JavaScript: the agency (a list of links,
 * so its packet is known), then the referral to that agency.
 */
export default async function NewReferralPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "referrals.create")) notFound();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const ctx = await loadContext(user, id);
  const t = await getTranslations("referrals");
  const chosen = ctx.agencies.find((a) => a.id === query.agency && !a.hasOpenReferral);
  const base = `/cases/${ctx.case.id}/referrals/new`;
  const urgency = REFERRAL_URGENCIES.find((u) => u === query.urgency) ?? (chosen?.urgentTask ? "URGENT" : "PRIORITY");

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link
        prefetch={false}
        href={`/cases/${ctx.case.id}/referrals`}
        className="text-sm text-teal-800 underline underline-offset-2"
      >
        {t("form.back")}
      </Link>
      <PageHeader
        title={t("form.title")}
        description={t("form.description", {
          name: ctx.student.name,
          grade: ctx.student.grade,
          section: ctx.student.section,
          school: ctx.case.schoolName,
        })}
      />
      {ctx.case.state === "CLOSED" ? (
        <Notice tone="error">{t("form.closedCase")}</Notice>
      ) : ctx.agencies.length === 0 ? (
        <Notice tone="error">{t("form.noAgencies")}</Notice>
      ) : chosen ? (
        <CardSection id="referral-form" title={t("detail.title", { agency: chosen.name })}>
          <p className="mb-4 text-sm">
            <Link prefetch={false} href={base} className="text-teal-800 underline underline-offset-2">
              {t("form.agency")}: {chosen.name}
            </Link>
          </p>
          <ReferralForm
            caseId={ctx.case.id}
            agency={{
              id: chosen.id,
              name: chosen.name,
              offered: chosen.offered,
              defaults: chosen.defaults,
              noSensitive: AGENCIES_WITHOUT_SENSITIVE_DATA.includes(chosen.type),
            }}
            defaults={{
              urgency,
              consentGivenBy: ctx.guardian.name,
              consentRelationship: ctx.guardian.relationship,
              consentDate: ctx.today,
            }}
            today={ctx.today}
            mayConsentAlone={ctx.mayConsentAlone}
          />
        </CardSection>
      ) : (
        <CardSection id="referral-agency" title={t("form.agency")}>
          <p className="mb-3 text-sm text-slate-600">{t("form.agencyHelp")}</p>
          <ul className="flex flex-col gap-2" data-testid="agency-choices">
            {ctx.agencies.map((a) => (
              <li key={a.id}>
                <AgencyChoice agency={a} href={`${base}?agency=${a.id}`} label={agencyLabel(t, a)} />
              </li>
            ))}
          </ul>
        </CardSection>
      )}
    </div>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"referrals">>>;

function agencyLabel(t: Translate, a: AgencyOption): string {
  if (a.hasOpenReferral) return t("form.agencyOpen", { name: a.name });
  return a.urgentTask ? t("form.agencyUrgent", { name: a.name }) : a.name;
}

function AgencyChoice({ agency, href, label }: { agency: AgencyOption; href: string; label: string }) {
  if (agency.hasOpenReferral)
    return <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-3 text-slate-600">{label}</p>;
  return (
    <Link
      prefetch={false}
      href={href}
      className={buttonClasses(agency.urgentTask ? "danger" : "secondary", "w-full justify-start text-left")}
    >
      {label}
    </Link>
  );
}
