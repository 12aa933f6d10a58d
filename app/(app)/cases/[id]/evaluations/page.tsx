import { titleFrom } from "@/i18n/page-title";
import { CaseFileHeader, loadCasePart } from "../case-file-page";
import { EvaluationsSection } from "../evaluations-section";

export const generateMetadata = titleFrom("cases.file", "titleAnonymous");

type Props = { params: Promise<{ id: string }> };

/** The case's risk evaluations (level, date, evaluator), a draft to continue, a new one. */
export default async function CaseEvaluationsPage({ params }: Props) {
  const { id } = await params;
  const { user, file } = await loadCasePart(id, "evaluations");
  return (
    <div className="space-y-4">
      <CaseFileHeader file={file} />
      <EvaluationsSection user={user} file={file} />
    </div>
  );
}
