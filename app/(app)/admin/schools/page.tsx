import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollTable, tdClass, thClass } from "@/components/ui/scroll-table";
import { listSchools } from "@/lib/admin/directory";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";

export const generateMetadata = titleFrom("admin.schools", "title");

/** Every school: what the administrator's "Colegios" counts. */
export default async function AdminSchoolsPage() {
  const user = await requireUser();
  if (!can(user.role, "schools.manage")) notFound();
  const [t, schools] = await Promise.all([getTranslations("admin.schools"), listSchools(user)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <p className="text-sm text-slate-700" data-testid="list-count">
        {t("count", { count: schools.length })}
      </p>
      <ScrollTable label={t("title")}>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              {t("code")}
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
          {schools.map((s) => (
            <tr key={s.id}>
              <td className={`${tdClass} tabular-nums`}>{s.codigoModular}</td>
              <th scope="row" className={`${tdClass} font-medium`}>
                {s.name}
              </th>
              <td className={tdClass}>{[s.district, s.province, s.region].join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
