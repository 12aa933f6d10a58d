import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { formatDateTime } from "@/lib/format/date";
import type { OpenCaseTask } from "@/lib/tasks/queries";
import { TaskDoneForm } from "./task-done-form";

/**
 * The case's open urgent tasks, above everything else (anchor #urgent-tasks: signing an
 * evaluation with self-harm present lands here). It names the agency, never the answer. The
 * tasks are read with the case (lib/cases/case-file.ts).
 */
export async function UrgentTasks({
  user,
  caseId,
  tasks,
}: {
  user: SessionUser;
  caseId: string;
  tasks: OpenCaseTask[];
}) {
  if (tasks.length === 0) return null;
  const [t, tr] = await Promise.all([getTranslations("risk.tasks"), getTranslations("referrals.task")]);
  const now = new Date();
  const canComplete = can(user.role, "caseTasks.complete");
  const canRefer = can(user.role, "referrals.create");
  return (
    <section
      id="urgent-tasks"
      aria-labelledby="urgent-tasks-title"
      data-testid="urgent-tasks"
      className="rounded-lg border-2 border-red-700 bg-red-50 p-4"
    >
      <h2 id="urgent-tasks-title" className="mb-3 text-base font-semibold text-red-900">
        {t("title")}
      </h2>
      <ul className="flex flex-col gap-4">
        {tasks.map((task) => (
          <li key={task.id} className="flex flex-col gap-2" data-testid="urgent-task">
            <p className="font-semibold text-slate-900">
              {t("urgentReferral", { agency: task.agency?.name ?? task.agencyType })}
            </p>
            {task.agency ? null : <p className="text-sm text-slate-800">{t("noAgency")}</p>}
            <p className="text-sm text-slate-800">{t("why")}</p>
            <p className="text-sm font-medium text-red-900">
              {task.dueAt < now
                ? t("overdue", { date: formatDateTime(task.dueAt) })
                : t("due", { date: formatDateTime(task.dueAt) })}
            </p>
            <p className="text-sm text-slate-700">{t("created", { date: formatDateTime(task.createdAt) })}</p>
            {canRefer && task.agencyId && task.agency ? (
              <div className="flex flex-col gap-1">
                <Link
                  prefetch={false}
                  href={`/cases/${caseId}/referrals/new?agency=${task.agencyId}&urgency=URGENT`}
                  className={buttonClasses("danger", "w-full sm:w-auto")}
                >
                  {tr("refer", { agency: task.agency.name })}
                </Link>
                <p className="text-sm text-slate-700">{tr("referHelp")}</p>
              </div>
            ) : null}
            {canComplete ? (
              <div className="rounded-md border border-slate-200 bg-white p-3">
                {canRefer && task.agencyId ? <p className="mb-2 text-sm text-slate-800">{tr("orRecord")}</p> : null}
                <TaskDoneForm caseId={caseId} taskId={task.id} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
