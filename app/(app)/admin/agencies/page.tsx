import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollTable, tdClass, thClass } from "@/components/ui/scroll-table";
import { listActiveAgencies } from "@/lib/admin/directory";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";

export const generateMetadata = titleFrom("admin.agencies", "title");

/** Active agencies: what the administrator's "Instituciones activas" counts. */
export default async function AdminAgenciesPage() {
  const user = await requireUser();
  if (!can(user.role, "agencies.manage")) notFound();
  const [t, tc, agencies] = await Promise.all([
    getTranslations("admin.agencies"),
    getTranslations("common"),
    listActiveAgencies(user),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <p className="text-sm text-slate-700" data-testid="list-count">
        {t("count", { count: agencies.length })}
      </p>
      <ScrollTable label={t("title")}>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              {t("code")}
            </th>
            <th scope="col" className={thClass}>
              {t("type")}
            </th>
            <th scope="col" className={thClass}>
              {t("name")}
            </th>
            <th scope="col" className={thClass}>
              {t("place")}
            </th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((a) => (
            <tr key={a.id}>
              <td className={tdClass}>{a.code}</td>
              <td className={tdClass}>{tc(`agencyTypes.${a.type}`)}</td>
              <th scope="row" className={`${tdClass} font-medium`}>
                {a.name}
              </th>
              <td className={tdClass}>{[a.district, a.region].join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
