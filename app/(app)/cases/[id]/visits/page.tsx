import { titleFrom } from "@/i18n/page-title";
import { CaseFileHeader, loadCasePart } from "../case-file-page";
import { CaseVisits } from "../case-visits";

export const generateMetadata = titleFrom("cases.file", "titleAnonymous");

type Props = { params: Promise<{ id: string }> };

/** The case's home visits and other contact attempts, and for the team the way to add one. */
export default async function CaseVisitsPage({ params }: Props) {
  const { id } = await params;
  const { user, file } = await loadCasePart(id, "visits");
  // Assignees and authors are printed by name from the staff of the case's school.
  const names = new Map((file.staff ?? []).map((m) => [m.id, m.name]));
  return (
    <div className="space-y-4">
      <CaseFileHeader file={file} />
      <CaseVisits user={user} file={file} names={names} />
    </div>
  );
}
