import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { roleLabel } from "@/components/nav/role-label";
import { buttonClasses } from "@/components/ui/button";
import { CardSection } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { ScheduleVisitForm } from "@/components/visits/schedule-visit-form";
import { StateOfferButton } from "@/components/visits/state-offer-button";
import { formatDateTime, formatDay } from "@/lib/format/date";
import { monthsBefore } from "@/lib/visits/staleness";
import type { VisitPage } from "@/lib/visits/visit-page";

/**
 * A recorded visit: what was recorded (by whom, when), then what comes next — the next
 * attempt with the same details after a failed visit (or the one already planned), and the
 * case state the protocol suggests, as an offer.
 */
export async function VisitDone({ page }: { page: VisitPage }) {
  const [t, tc, tCases] = await Promise.all([
    getTranslations("visits"),
    getTranslations("common"),
    getTranslations("cases"),
  ]);
  const { visit: v, nextVisit, pending, stateOffer } = page;
  const windowOf = (w: string | null) => (w ? t(`labels.windows.${w}`) : t("labels.windowUnknown"));
  const corrected = v.corrected ? [v.corrected.street, v.corrected.reference, v.corrected.district] : [];
  const address =
    v.addressConfirmed === true
      ? t("done.addressConfirmed")
      : v.corrected
        ? t("done.addressCorrected", { address: corrected.filter(Boolean).join(", ") })
        : v.addressConfirmed === false
          ? t("done.addressWrong")
          : null;
  const rows: [string, string][] = [
    [t("done.outcome"), v.outcome ? t(`labels.outcomes.${v.outcome}`) : t("labels.cancelled")],
    [t("done.visitedAt"), formatDateTime(v.visitedAt)],
  ];
  if (v.recordedBy) rows.push([t("done.recordedBy"), v.recordedBy]);
  if (v.metWith) rows.push([t("done.metWith"), v.metWith]);
  if (address) rows.push([t("done.address"), address]);
  if (v.notes) rows.push([t("done.notes"), v.notes]);

  return (
    <>
      <CardSection id="visit-done" title={t("done.title")}>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]" data-testid="visit-done">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-600">{label}</dt>
              <dd className="mb-1 whitespace-pre-line break-words">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm text-slate-700" data-testid="visit-case-state">
          {tCases("file.state")}: {tCases(`states.${page.case.state}`)}
        </p>
      </CardSection>
      {stateOffer ? (
        <div className="rounded-lg border border-teal-700/40 bg-white p-4 shadow-sm">
          <StateOfferButton offer={stateOffer} />
        </div>
      ) : null}
      {pending ? (
        <Notice tone="success">
          <p data-testid="next-visit">
            {t("done.nextScheduled", {
              date: formatDay(pending.scheduledFor),
              window: windowOf(pending.timeWindow),
              name: pending.assigneeName ?? t("schedule.nobody"),
            })}
          </p>
          <Link prefetch={false} href={`/visits/${pending.id}`} className={`${buttonClasses("secondary")} mt-2`}>
            {t("done.recordNext")}
          </Link>
        </Notice>
      ) : null}
      {nextVisit ? (
        <CardSection id="next-visit" title={t("done.nextTitle")}>
          <p className="mb-3 text-sm text-slate-700">{t("done.nextHelp")}</p>
          <ScheduleVisitForm
            next
            caseId={v.caseId}
            assignees={page.assignees.map((a) => ({
              id: a.id,
              label: t("schedule.assigneeOption", {
                name: a.name,
                role: roleLabel(tc, { role: a.role, agencyType: null }),
              }),
            }))}
            defaults={{
              scheduledFor: nextVisit.day,
              timeWindow: nextVisit.timeWindow ?? "MORNING",
              assigneeId: nextVisit.assigneeId ?? "",
              purpose: nextVisit.purpose,
            }}
            min={page.today}
            max={monthsBefore(page.today, -3)}
            submitLabel={t("done.nextSubmit")}
          />
        </CardSection>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Link prefetch={false} href="/visits" className={buttonClasses("secondary")}>
          {t("outcome.back")}
        </Link>
        <Link prefetch={false} href={`/cases/${v.caseId}`} className={buttonClasses("ghost")}>
          {t("outcome.toCase")}
        </Link>
      </div>
    </>
  );
}
