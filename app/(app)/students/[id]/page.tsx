import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { buttonClasses } from "@/components/ui/button";
import { CardSection } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { formatDay } from "@/lib/format/date";
import { PhoneLinks } from "@/components/ui/phone-links";
import { getStudent } from "@/lib/students/queries";
import { readStudentOverview } from "@/lib/students/student-overview";
import { readAddressHistory } from "@/lib/visits/address-history";
import { AddressHistory } from "./address-history";
import { ContactBlock } from "./contact-block";
import { StatusChange } from "./status-change";
import { StudentOverviewSections } from "./student-overview";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export const generateMetadata = titleFrom("students.detail", "pageTitle");

export default async function StudentPage({ params, searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "students.read")) notFound();
  const { id } = await params;
  const student = await getStudent(user, id);
  if (!student) notFound();
  // The student was read in scope above; the sections below are read together, each query
  // with the caller's scope in its `where`, without looking the student up again.
  const [overview, history, { saved }, t] = await Promise.all([
    readStudentOverview(user, student),
    readAddressHistory(user, student),
    searchParams,
    getTranslations("students"),
  ]);
  const name = `${[student.paternalSurname, student.maternalSurname].filter(Boolean).join(" ")}, ${student.givenNames}`;
  const canWrite = can(user.role, "students.write");
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd>{value}</dd>
    </div>
  );

  return (
    <div className="space-y-4">
      <Link prefetch={false} href="/students" className="text-sm text-teal-800 underline">
        {t("detail.back")}
      </Link>
      <PageHeader
        title={name}
        description={`${t("gradeSection", { grade: student.grade, section: student.section })} · ${t(`status.${student.status}`)}`}
        actions={
          canWrite ? (
            <Link prefetch={false} href={`/students/${student.id}/edit`} className={buttonClasses("secondary")}>
              {t("detail.edit")}
            </Link>
          ) : undefined
        }
      />
      {saved === "created" && <Notice tone="success">{t("detail.savedCreated")}</Notice>}
      {saved === "updated" && <Notice tone="success">{t("detail.savedUpdated")}</Notice>}

      <div className="grid gap-4 lg:grid-cols-2">
        <CardSection id="identification" title={t("detail.identification")}>
          <dl>
            {row(
              t("detail.document"),
              student.documentNumber
                ? `${t(`documentType.${student.documentType}`)} ${student.documentNumber}`
                : t("documentType.NONE"),
            )}
            {row(t("columns.sex"), t(`sex.${student.sex}`))}
            {row(t("detail.birthDate"), formatDay(student.birthDate))}
            {row(t("detail.level"), t(`level.${student.level}`))}
            {row(t("detail.gradeSection"), t("gradeSection", { grade: student.grade, section: student.section }))}
            {row(t("detail.school"), `${student.school.name} (${student.school.codigoModular})`)}
            {row(t("detail.status"), t(`status.${student.status}`))}
          </dl>
        </CardSection>

        <CardSection id="contacts" title={t("detail.contacts")}>
          <div className="space-y-4">
            <ContactBlock
              title={t("detail.address")}
              verifiedAt={student.addressVerifiedAt}
              lines={[
                [t("detail.street"), student.addressStreet],
                [t("detail.reference"), student.addressReference],
                [t("detail.district"), student.addressDistrict],
              ]}
            />
            <ContactBlock
              title={t("detail.phone")}
              verifiedAt={student.phoneVerifiedAt}
              lines={[[t("detail.phone"), student.phone ? <PhoneLinks phone={student.phone} /> : null]]}
            />
            <ContactBlock
              title={t("detail.guardian")}
              verifiedAt={student.guardianVerifiedAt}
              lines={[
                [t("detail.guardianName"), student.guardianName],
                [t("detail.relationship"), student.guardianRelationship],
                [
                  t("detail.guardianPhone"),
                  student.guardianPhone ? (
                    <PhoneLinks phone={student.guardianPhone} whom={student.guardianName ?? undefined} />
                  ) : null,
                ],
              ]}
            />
          </div>
        </CardSection>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <StudentOverviewSections overview={overview} />
      </div>

      <AddressHistory user={user} rows={history} />

      {canWrite && (
        <CardSection id="status-change" title={t("statusChange.title")}>
          <StatusChange studentId={student.id} name={name} status={student.status} />
        </CardSection>
      )}
    </div>
  );
}
