import { PendingLink } from "@/components/nav/pending-link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { findLastSection } from "@/lib/attendance/queries";
import { sectionKey } from "@/lib/attendance/schema";
import type { SessionUser } from "@/lib/auth/types";

/**
 * The tutor's first tap of the day: today's sheet of the section they saved last, or the
 * list of today's sections when there is none yet.
 */
export async function TakeAttendance({ user }: { user: SessionUser }) {
  const [t, last] = await Promise.all([getTranslations("home"), findLastSection(user)]);
  const href = last ? `/attendance?sec=${encodeURIComponent(sectionKey(last))}` : "/attendance";
  return (
    <div className="mb-6 flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
      <PendingLink href={href} className={buttonClasses("primary", "min-h-12 text-base")} data-testid="take-attendance">
        {t("takeAttendance")}
      </PendingLink>
      {last ? (
        <span className="text-sm text-slate-700">
          {t("takeAttendanceSection", { grade: last.grade, section: last.section })}
        </span>
      ) : null}
    </div>
  );
}
