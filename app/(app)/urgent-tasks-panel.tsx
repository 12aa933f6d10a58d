import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/types";
import { formatDateTime } from "@/lib/format/date";
import { listOpenTasksForHome } from "@/lib/tasks/queries";
import { studentFullName } from "./cases/state-badge";

/**
 * Home page: the urgent referrals still to make in the user's schools (everyone in the case
 * team and the director is told, see docs/decisions/011-risk-evaluations.md). Nothing when none.
 */
export async function UrgentTasksPanel({ user }: { user: SessionUser }) {
  const tasks = await listOpenTasksForHome(user);
  if (tasks.length === 0) return null;
  const t = await getTranslations("risk.tasks");
  const now = new Date();
  return (
    <section
      aria-labelledby="home-urgent-title"
      className="mb-6 rounded-lg border-2 border-red-700 bg-red-50 p-4"
      data-testid="home-urgent-tasks"
    >
      <h2 id="home-urgent-title" className="mb-3 text-base font-semibold text-red-900">
        {t("homeTitle")} ({tasks.length})
      </h2>
      <ul className="flex flex-col gap-3">
        {tasks.map((task) => (
          <li key={task.id} className="flex flex-col gap-1">
            <p className="font-medium text-slate-900">
              {t("urgentReferral", { agency: task.agency?.name ?? task.agencyType })}
            </p>
            <p className="text-sm text-slate-800">
              {t("homeItem", { student: studentFullName(task.case.student), school: task.case.school.name })}
            </p>
            <p className="text-sm font-medium text-red-900">
              {task.dueAt < now
                ? t("overdue", { date: formatDateTime(task.dueAt) })
                : t("due", { date: formatDateTime(task.dueAt) })}
            </p>
            <Link
              prefetch={false}
              href={`/cases/${task.case.id}#urgent-tasks`}
              className="text-sm text-teal-800 underline underline-offset-2"
            >
              {t("homeOpen")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
