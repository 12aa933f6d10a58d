import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { CardSection } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollTable, tdClass, thClass } from "@/components/ui/scroll-table";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { dayFromIso, formatDay } from "@/lib/format/date";
import { listHolidays } from "@/lib/holidays/holidays";
import { AddHolidayForm, RemoveHolidayButton } from "./holiday-forms";

export const generateMetadata = titleFrom("admin.holidays", "title");

/** The holiday list the attendance sheet checks before saving a day without classes. */
export default async function HolidaysPage() {
  const user = await requireUser();
  if (!can(user.role, "alertRules.write")) notFound();
  const [t, format, holidays] = await Promise.all([
    getTranslations("admin.holidays"),
    getFormatter(),
    listHolidays(user),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <CardSection id="holiday-add" title={t("addTitle")}>
        <p className="mb-3 text-sm text-slate-700">{t("addHelp")}</p>
        <AddHolidayForm />
      </CardSection>
      <section aria-labelledby="holiday-list" className="space-y-2">
        <h2 id="holiday-list" className="text-lg font-semibold">
          {t("listTitle")}
        </h2>
        {holidays.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ScrollTable label={t("listTitle")}>
            <thead>
              <tr>
                <th scope="col" className={thClass}>
                  {t("day")}
                </th>
                <th scope="col" className={thClass}>
                  {t("weekday")}
                </th>
                <th scope="col" className={thClass}>
                  {t("name")}
                </th>
                <td className={thClass} />
              </tr>
            </thead>
            <tbody data-testid="holidays">
              {holidays.map((h) => {
                const day = formatDay(dayFromIso(h.day));
                return (
                  <tr key={h.day}>
                    <td className={`${tdClass} tabular-nums`}>{day}</td>
                    <td className={tdClass}>
                      {format.dateTime(dayFromIso(h.day), { weekday: "long", timeZone: "UTC" })}
                    </td>
                    <th scope="row" className={`${tdClass} font-medium`}>
                      {h.name}
                    </th>
                    <td className={`${tdClass} text-right`}>
                      <RemoveHolidayButton day={h.day} label={t("removeLabel", { day, name: h.name })} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </ScrollTable>
        )}
      </section>
    </div>
  );
}
