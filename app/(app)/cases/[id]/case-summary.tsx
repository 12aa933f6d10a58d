import { getTranslations } from "next-intl/server";
import { CardSection } from "@/components/ui/card";
import type { CaseFile } from "@/lib/cases/case-file";
import { formatDateTime, formatDay } from "@/lib/format/date";

/** Who the case is about and where it stands; contact data only when the viewer may see it. */
export async function CaseSummary({ file }: { file: CaseFile }) {
  const t = await getTranslations("cases");
  const { case: c, student, contact } = file;
  const verified = (d: Date | null) => (d ? t("file.verified", { date: formatDay(d) }) : t("file.notVerified"));
  const rows: [string, string][] = [
    [t("file.state"), t(`states.${c.state}`)],
    [t("file.openedAt"), formatDateTime(c.openedAt)],
  ];
  if (c.closedAt) rows.push([t("file.closedAt"), formatDateTime(c.closedAt)]);
  if (c.outcome)
    rows.push([t("file.outcome"), [t(`outcomes.${c.outcome}`), c.outcomeNote].filter(Boolean).join(" · ")]);
  rows.push([t("file.school"), `${c.school.name} (${c.school.codigoModular})`]);
  if (student) {
    rows.push([t("file.document"), [student.documentType, student.documentNumber].filter(Boolean).join(" ")]);
    rows.push([t("file.gradeSection"), t("gradeSection", { grade: student.grade, section: student.section })]);
    rows.push([t("file.sex"), t(`sex.${student.sex}`)]);
  }
  if (contact) {
    const address = [contact.addressStreet, contact.addressReference, contact.addressDistrict]
      .filter(Boolean)
      .join(", ");
    if (address) rows.push([t("file.address"), `${address} (${verified(contact.addressVerifiedAt)})`]);
    if (contact.phone) rows.push([t("file.phone"), `${contact.phone} (${verified(contact.phoneVerifiedAt)})`]);
    const guardian = [contact.guardianName, contact.guardianRelationship, contact.guardianPhone]
      .filter(Boolean)
      .join(" · ");
    if (guardian) rows.push([t("file.guardian"), `${guardian} (${verified(contact.guardianVerifiedAt)})`]);
  }
  return (
    <CardSection id="case-summary" title={t("file.summary")}>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </CardSection>
  );
}
