import { titleFrom } from "@/i18n/page-title";
import { CaseFileHeader, loadCasePart } from "../case-file-page";
import { CaseReferrals } from "../case-referrals";

export const generateMetadata = titleFrom("cases.file", "titleAnonymous");

type Props = { params: Promise<{ id: string }> };

/** The case's referrals with each agency's answer and deadline, and a new one for the school. */
export default async function CaseReferralsPage({ params }: Props) {
  const { id } = await params;
  const { user, file } = await loadCasePart(id, "referrals");
  return (
    <div className="space-y-4">
      <CaseFileHeader file={file} />
      <CaseReferrals user={user} file={file} />
    </div>
  );
}
