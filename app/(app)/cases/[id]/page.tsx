import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { roleLabel } from "@/components/nav/role-label";
import { CardSection } from "@/components/ui/card";
import { can } from "@/lib/auth/policy";
import { assignableMembers } from "@/lib/cases/queries";
import { CaseFileHeader, loadCasePart } from "./case-file-page";
import { CaseSummary } from "./case-summary";
import { unsettledReferrals } from "./referral-events";
import { StateForm } from "./state-form";
import { AssignForm, UnassignButton } from "./team-forms";
import { UrgentTasks } from "./urgent-tasks";

export const generateMetadata = titleFrom("cases.file", "titleAnonymous");

type Props = { params: Promise<{ id: string }> };

/** The case's overview: urgent tasks, summary, state and team; its history is the next tab. */
export default async function CasePage({ params }: Props) {
  const { id } = await params;
  const { user, file } = await loadCasePart(id, "overview");
  const c = file.case;
  const schoolSide = file.access !== "AGENCY";
  const canWrite = schoolSide && can(user.role, "cases.write");
  const canAssign = schoolSide && can(user.role, "cases.assign");

  const [t, tc] = await Promise.all([getTranslations("cases"), getTranslations("common")]);
  // Who may be assigned comes from the staff of the case's school, read with the case.
  const team = file.team ?? [];
  const candidates = canAssign
    ? assignableMembers(file).map((m) => ({
        id: m.id,
        name: m.name,
        roleLabel: roleLabel(tc, { role: m.role, agencyType: null }),
      }))
    : [];

  return (
    <div className="space-y-4">
      <CaseFileHeader file={file} />
      {schoolSide ? <UrgentTasks user={user} caseId={c.id} tasks={file.openTasks ?? []} /> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <CaseSummary
          file={file}
          studentHref={file.student && can(user.role, "students.read") ? `/students/${c.studentId}` : undefined}
        />
        <div className="flex min-w-0 flex-col gap-4">
          {canWrite ? (
            <CardSection id="case-state" title={t("stateForm.title")}>
              <StateForm caseId={c.id} version={c.version} state={c.state} unsettled={unsettledReferrals(file)} />
            </CardSection>
          ) : null}
          {file.team ? (
            <CardSection id="case-team" title={t("team.title")}>
              {team.length === 0 ? <p className="mb-3 text-sm text-slate-700">{t("team.empty")}</p> : null}
              <ul className="mb-4 flex flex-col gap-2" data-testid="case-team">
                {team.map((m) => {
                  const member = {
                    id: m.user.id,
                    name: m.user.name,
                    roleLabel: roleLabel(tc, { role: m.user.role, agencyType: null }),
                  };
                  return (
                    <li key={m.user.id} className="flex flex-wrap items-center justify-between gap-2">
                      <span>{t("team.member", { name: member.name, role: member.roleLabel })}</span>
                      {canAssign ? <UnassignButton caseId={c.id} version={c.version} member={member} /> : null}
                    </li>
                  );
                })}
              </ul>
              {canAssign ? <AssignForm caseId={c.id} version={c.version} candidates={candidates} /> : null}
            </CardSection>
          ) : null}
        </div>
      </div>
    </div>
  );
}
