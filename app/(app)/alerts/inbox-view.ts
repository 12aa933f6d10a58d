import "server-only";
import type { getTranslations } from "next-intl/server";
import type { InboxStudent } from "@/lib/alerts/queries";
import { alertReason } from "@/lib/alerts/reason";
import { formatDateTime } from "@/lib/format/date";
import type { InboxStudentView } from "./inbox-list";

type Translate = Awaited<ReturnType<typeof getTranslations<"alerts">>>;

/** The inbox's rows as the list draws them: the sentences with numbers and dates written here. */
export function inboxView(rows: InboxStudent[], t: Translate, locale: string, showSchool: boolean): InboxStudentView[] {
  return rows.map(({ student, school, openCaseId, alerts }) => ({
    id: student.id,
    name: student.name,
    detail: [
      t("gradeSection", { grade: student.grade, section: student.section }),
      t(`sex.${student.sex}`),
      ...(showSchool ? [school.name] : []),
    ].join(" · "),
    openCaseId,
    alerts: alerts.map((a) => {
      const reason = alertReason(a, locale);
      return {
        id: a.id,
        kind: a.kind,
        reason: t(`reason.${reason.key as "consecutive"}`, reason.values),
        raised: t("inbox.raisedOn", { date: formatDateTime(a.createdAt) }),
      };
    }),
  }));
}
