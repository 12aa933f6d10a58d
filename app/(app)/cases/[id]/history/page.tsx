import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { CardSection } from "@/components/ui/card";
import { can } from "@/lib/auth/policy";
import { buildCaseTimeline, clampTimelineLimit } from "@/lib/cases/timeline";
import { CaseFileHeader, loadCasePart } from "../case-file-page";
import { NoteForm } from "../note-form";
import { timelineReferrals } from "../referral-events";
import { TimelineList } from "../timeline-list";

export const generateMetadata = titleFrom("cases.file", "titleAnonymous");

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ limit?: string }> };

/** The case's single timeline, newest first, and for the team a note to add to it. */
export default async function CaseHistoryPage({ params, searchParams }: Props) {
  const [{ id }, { limit }] = await Promise.all([params, searchParams]);
  const { user, file } = await loadCasePart(id, "history");
  const c = file.case;
  const canWrite = file.access !== "AGENCY" && can(user.role, "cases.write");
  const timeline = buildCaseTimeline(file, { limit: Number(limit) || undefined });
  const t = await getTranslations("cases");
  // Authors are printed by name from the staff of the case's school, read with the case.
  const actors = new Map((file.staff ?? []).map((m) => [m.id, m.name]));

  return (
    <div className="space-y-4">
      <CaseFileHeader file={file} />
      {canWrite ? (
        <CardSection id="case-note" title={t("note.title")}>
          <NoteForm caseId={c.id} version={c.version} />
        </CardSection>
      ) : null}
      <CardSection id="case-timeline-title" title={t("timeline.title")} className="min-w-0">
        <TimelineList
          timeline={timeline}
          actors={actors}
          moreHref={`/cases/${c.id}/history?limit=${clampTimelineLimit(timeline.limit * 2)}`}
          referrals={timelineReferrals(file)}
        />
      </CardSection>
    </div>
  );
}
