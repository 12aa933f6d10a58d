import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { roleLabel } from "@/components/nav/role-label";
import { CardSection } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AddressOnFile } from "@/components/visits/address-on-file";
import { ScheduleVisitForm } from "@/components/visits/schedule-visit-form";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { formatDay } from "@/lib/format/date";
import { monthsBefore } from "@/lib/visits/staleness";
import { getScheduleVisitContext } from "@/lib/visits/queries";

export const generateMetadata = titleFrom("visits.schedule", "title");

type Props = { params: Promise<{ id: string }> };

async function loadContext(user: Awaited<ReturnType<typeof requireUser>>, caseId: string) {
  try {
    return await getScheduleVisitContext(user, caseId);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/** "Programar visita": the address and how fresh it is come first, so a stale one is seen before the trip. */
export default async function ScheduleVisitPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "visits.write")) notFound();
  const { id } = await params;
  const ctx = await loadContext(user, id);
  const [t, tc] = await Promise.all([getTranslations("visits"), getTranslations("common")]);
  const names = new Map(ctx.assignees.map((a) => [a.id, a.name]));
  const assignees = ctx.assignees.map((a) => ({
    id: a.id,
    label: t("schedule.assigneeOption", { name: a.name, role: roleLabel(tc, { role: a.role, agencyType: null }) }),
  }));

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link
        prefetch={false}
        href={`/cases/${ctx.case.id}/visits`}
        className="text-sm text-teal-800 underline underline-offset-2"
      >
        {t("schedule.back")}
      </Link>
      <PageHeader
        title={t("schedule.title")}
        description={t("schedule.description", {
          name: ctx.student.name,
          grade: ctx.student.grade,
          section: ctx.student.section,
          school: ctx.case.schoolName,
        })}
      />
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <AddressOnFile address={ctx.address} />
      </div>
      {ctx.pending.length > 0 ? (
        <CardSection id="pending-visits" title={t("schedule.pendingTitle")}>
          <ul className="list-disc pl-5 text-sm" data-testid="pending-visits">
            {ctx.pending.map((p) => (
              <li key={p.id}>
                {t("schedule.pendingItem", {
                  date: formatDay(p.scheduledFor),
                  window: p.timeWindow
                    ? t(`labels.windows.${p.timeWindow}` as "labels.windows.MORNING")
                    : t("labels.windowUnknown"),
                  name: (p.assigneeId && names.get(p.assigneeId)) || t("schedule.nobody"),
                })}
              </li>
            ))}
          </ul>
        </CardSection>
      ) : null}
      <CardSection id="schedule-form" title={t("schedule.formTitle")}>
        <ScheduleVisitForm
          caseId={ctx.case.id}
          assignees={assignees}
          defaults={{
            scheduledFor: ctx.today,
            timeWindow: "MORNING",
            assigneeId: ctx.defaultAssigneeId ?? "",
            purpose: t("schedule.defaultPurpose"),
          }}
          min={ctx.today}
          max={monthsBefore(ctx.today, -3)}
          submitLabel={t("schedule.submit")}
        />
      </CardSection>
    </div>
  );
}
