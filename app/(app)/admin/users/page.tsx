import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { roleLabel } from "@/components/nav/role-label";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { listManagedUsers } from "@/lib/users/manage-users";
import { UserActions } from "./user-actions";

export const generateMetadata = titleFrom("users.admin", "title");

/** The administrator's accounts list: status, open sessions, «cerrar sesiones», deactivation. */
export default async function AdminUsersPage() {
  const user = await requireUser();
  if (!can(user.role, "users.manage")) notFound();
  const [t, tc, users] = await Promise.all([
    getTranslations("users.admin"),
    getTranslations("common"),
    listManagedUsers(user),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <ul className="flex flex-col gap-3" aria-label={t("title")}>
        {users.map((u) => (
          <li
            key={u.id}
            data-testid={`user-${u.email}`}
            className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:flex-row md:items-center md:justify-between"
          >
            <div className="min-w-0 text-sm">
              <p className="font-medium text-slate-900">
                {u.name} {u.id === user.id ? <span className="text-slate-600">{t("you")}</span> : null}
              </p>
              <p className="break-all text-slate-600">{u.email}</p>
              <p className="text-slate-600">
                {roleLabel(tc, { role: u.role, agencyType: null })} ·{" "}
                <span className={u.active ? "text-teal-800" : "font-medium text-red-700"}>
                  {u.active ? t("active") : t("inactive")}
                </span>{" "}
                · {t("sessions")}:{" "}
                <span data-testid="open-sessions">{t("openSessions", { count: u.openSessions })}</span>
              </p>
            </div>
            <UserActions userId={u.id} active={u.active} isSelf={u.id === user.id} />
          </li>
        ))}
      </ul>
    </div>
  );
}
