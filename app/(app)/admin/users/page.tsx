import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollTable, tdClass, thClass } from "@/components/ui/scroll-table";
import { listActiveUsers } from "@/lib/admin/directory";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";

export const generateMetadata = titleFrom("admin.users", "title");

/** Active accounts: what the administrator's "Usuarios activos" counts. */
export default async function AdminUsersPage() {
  const user = await requireUser();
  if (!can(user.role, "users.manage")) notFound();
  const [t, tc, users] = await Promise.all([
    getTranslations("admin.users"),
    getTranslations("common"),
    listActiveUsers(user),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <p className="text-sm text-slate-700" data-testid="list-count">
        {t("count", { count: users.length })}
      </p>
      <ScrollTable label={t("title")}>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              {t("name")}
            </th>
            <th scope="col" className={thClass}>
              {t("email")}
            </th>
            <th scope="col" className={thClass}>
              {t("role")}
            </th>
            <th scope="col" className={thClass}>
              {t("scope")}
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                {u.name}
              </th>
              <td className={tdClass}>{u.email}</td>
              <td className={tdClass}>{tc(`roles.${u.role}`)}</td>
              <td className={tdClass}>
                {u.agency?.name ?? (u.schools.map((s) => s.school.name).join(", ") || t("noScope"))}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
