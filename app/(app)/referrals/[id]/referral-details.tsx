import { getTranslations } from "next-intl/server";
import { CardSection } from "@/components/ui/card";
import { formatDateTime, formatDay } from "@/lib/format/date";
import type { ReferralPage } from "@/lib/referrals/queries/referral-page";

type Row = [label: string, value: string, testId?: string];

function Rows({ rows }: { rows: Row[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[11rem_1fr]">
      {rows.map(([label, value, testId]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="whitespace-pre-line break-words" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The referral itself: who, when, why, on what legal basis, what it shares; what the reader may see of it. */
export async function ReferralDetails({ page }: { page: ReferralPage }) {
  const t = await getTranslations("referrals");
  const r = page.referral;
  const rows: Row[] = [];
  if (page.student) rows.push([t("detail.student"), page.student.text, "referral-student"]);
  rows.push([t("detail.school"), r.schoolName], [t("detail.agency"), r.agencyName]);
  rows.push([t("detail.urgency"), t(`urgency.${r.urgency}`)], [t("detail.sentAt"), formatDateTime(r.sentAt)]);
  if (r.sentBy) rows.push([t("detail.sentBy"), r.sentBy]);
  rows.push([t("detail.dueAt"), formatDateTime(r.dueAt)]);
  if (r.respondedAt) rows.push([t("detail.respondedAt"), formatDateTime(r.respondedAt)]);
  if (r.closedAt) rows.push([t("detail.closedAt"), formatDateTime(r.closedAt)]);
  if (r.reason) rows.push([t("detail.reason"), r.reason, "referral-reason"]);
  if (r.legalBasis) rows.push([t("detail.legalBasis"), t(`legalBasis.${r.legalBasis}`), "referral-basis"]);
  const b = r.basis;
  if (b?.consentGivenBy) rows.push([t("detail.consentGivenBy"), b.consentGivenBy]);
  if (b?.consentRelationship) rows.push([t("detail.consentRelationship"), b.consentRelationship]);
  if (b?.consentDate) rows.push([t("detail.consentDate"), formatDay(b.consentDate)]);
  if (b?.consentMethod) rows.push([t("detail.consentMethod"), t(`consentMethod.${b.consentMethod}`)]);
  if (b?.legalNorm) rows.push([t("detail.legalNorm"), b.legalNorm]);
  if (b?.legalBasisNote) rows.push([t("detail.legalBasisNote"), b.legalBasisNote]);
  if (r.sharedSections)
    rows.push([t("detail.shared"), r.sharedSections.map((s) => t(`sections.${s}`)).join(", "), "referral-shared"]);
  if (r.rejectionReason) rows.push([t("detail.rejectionReason"), r.rejectionReason, "referral-rejection"]);

  return (
    <CardSection id="referral-details" title={t("detail.state") + ": " + t(`status.${r.status}`)}>
      <Rows rows={rows} />
      {page.student?.kind === "initials" ? (
        <p className="mt-3 text-sm text-slate-600">{t("detail.initialsNote")}</p>
      ) : null}
    </CardSection>
  );
}

/** The agency's counter-referral: what was done, next steps, whether the school takes the case back. */
export async function CounterReferral({ page }: { page: ReferralPage }) {
  const r = page.referral;
  if (!r.counterReferral) return null;
  const t = await getTranslations("referrals.detail");
  const rows: Row[] = [[t("counterReferral"), r.counterReferral, "counter-referral"]];
  if (r.nextSteps) rows.push([t("nextSteps"), r.nextSteps, "counter-next-steps"]);
  if (r.returnsToSchool !== null) rows.push([t("returnsToSchool"), r.returnsToSchool ? t("yes") : t("no")]);
  return (
    <CardSection id="referral-counter" title={t("counterTitle")}>
      <Rows rows={rows} />
    </CardSection>
  );
}
