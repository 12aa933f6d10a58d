import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { CardSection } from "@/components/ui/card";
import { PhoneLinks } from "@/components/ui/phone-links";
import type { CaseFile } from "@/lib/cases/case-file";
import { formatDateTime, formatDay } from "@/lib/format/date";

/**
 * Who the case is about and where it stands; contact data only when the viewer may see it, its
 * phones one tap from a call or a WhatsApp message. `studentHref` when the viewer may open the
 * student's record.
 */
export async function CaseSummary({ file, studentHref }: { file: CaseFile; studentHref?: string }) {
  const t = await getTranslations("cases");
  const { case: c, student, contact } = file;
  const verified = (d: Date | null) => (d ? t("file.verified", { date: formatDay(d) }) : t("file.notVerified"));
  const rows: [string, ReactNode][] = [
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
    if (contact.phone)
      rows.push([
        t("file.phone"),
        <>
          <PhoneLinks phone={contact.phone} />{" "}
          <span className="text-slate-700">({verified(contact.phoneVerifiedAt)})</span>
        </>,
      ]);
    const guardian = [contact.guardianName, contact.guardianRelationship].filter(Boolean).join(" · ");
    if (guardian || contact.guardianPhone)
      rows.push([
        t("file.guardian"),
        <>
          {guardian ? <span className="block">{guardian}</span> : null}
          {contact.guardianPhone ? (
            <PhoneLinks phone={contact.guardianPhone} whom={contact.guardianName ?? undefined} />
          ) : null}{" "}
          <span className="text-slate-700">({verified(contact.guardianVerifiedAt)})</span>
        </>,
      ]);
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
      {studentHref ? (
        <Link
          prefetch={false}
          href={studentHref}
          className="mt-3 inline-flex min-h-11 items-center font-medium text-teal-800 underline underline-offset-2"
        >
          {t("file.toStudent")}
        </Link>
      ) : null}
    </CardSection>
  );
}
