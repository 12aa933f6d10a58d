import { getFormatter, getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { roleLabel } from "@/components/nav/role-label";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { can, isSchoolBoundRole } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { dayFromIso, formatDay, formatTime, todayInLima } from "@/lib/format/date";
import { getHomeStats } from "@/lib/home/get-home-stats";
import { TakeAttendance } from "./take-attendance";
import { UrgentTasksPanel } from "./urgent-tasks-panel";

export const generateMetadata = titleFrom("home", "title");

export default async function HomePage() {
  const user = await requireUser();
  const [t, tc, format, { stats, computedAt }] = await Promise.all([
    getTranslations("home"),
    getTranslations("common"),
    getFormatter(),
    getHomeStats(user),
  ]);
  const hasSuppressed = stats.some((s) => s.value === "suppressed");
  const showsSchools = isSchoolBoundRole(user.role);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <>
            <p className="text-base text-slate-800">
              {t("greeting", { name: user.name })} · <span data-testid="home-role">{roleLabel(tc, user)}</span>
            </p>
            <p>
              {t("today", { date: formatDay(dayFromIso(todayInLima())) })}
              {showsSchools ? ` ${t("schools", { count: user.schoolIds.length })}.` : null}
            </p>
          </>
        }
      />
      {can(user.role, "attendance.write") ? <TakeAttendance user={user} /> : null}
      <UrgentTasksPanel user={user} />
      {stats.length === 0 ? (
        <p>{t("noStats")}</p>
      ) : (
        <StatGrid label={t("statsLabel")}>
          {stats.map((stat) => (
            <Stat
              key={stat.id}
              testId={`stat-${stat.id}`}
              label={t(`stats.${stat.label}`)}
              value={stat.value === "suppressed" ? "<5" : String(stat.value)}
              display={stat.value === "suppressed" ? "<5" : format.number(stat.value)}
              srText={stat.value === "suppressed" ? t("suppressed") : undefined}
              hint={stat.hint ? t(`stats.${stat.hint.label}`, stat.hint.values) : undefined}
              link={{
                href: stat.href,
                text: t("viewList"),
                name: t("viewListOf", {
                  label: t(`stats.${stat.label}`),
                  value: stat.value === "suppressed" ? t("suppressed") : format.number(stat.value),
                }),
              }}
            />
          ))}
        </StatGrid>
      )}
      {computedAt ? (
        <p className="mt-4 text-sm text-slate-600" data-testid="home-computed-at">
          {t("computedAt", {
            time: formatTime(computedAt),
          })}
        </p>
      ) : null}
      {hasSuppressed ? <p className="mt-4 text-sm text-slate-600">{t("suppressionNote")}</p> : null}
      {user.role === "ADMIN" ? <p className="mt-4 text-sm text-slate-600">{t("adminNote")}</p> : null}
    </>
  );
}
