import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { isoFromDay, todayInLima } from "@/lib/format/date";
import { getStudent } from "@/lib/students/queries";
import { StudentForm } from "../../student-form";

export const generateMetadata = titleFrom("students.form", "editTitle");

type Props = { params: Promise<{ id: string }> };

export default async function EditStudentPage({ params }: Props) {
  const user = await requireUser();
  if (!can(user.role, "students.write")) notFound();
  const student = await getStudent(user, (await params).id);
  if (!student) notFound();
  const t = await getTranslations("students.form");
  const day = (d: Date | null) => (d ? isoFromDay(d) : "");
  const initial = {
    schoolId: student.schoolId,
    documentType: student.documentType,
    documentNumber: student.documentNumber ?? "",
    paternalSurname: student.paternalSurname,
    maternalSurname: student.maternalSurname,
    givenNames: student.givenNames,
    sex: student.sex,
    birthDate: day(student.birthDate),
    level: student.level,
    grade: String(student.grade),
    section: student.section,
    addressStreet: student.addressStreet ?? "",
    addressReference: student.addressReference ?? "",
    addressDistrict: student.addressDistrict ?? "",
    addressVerifiedAt: day(student.addressVerifiedAt),
    phone: student.phone ?? "",
    phoneVerifiedAt: day(student.phoneVerifiedAt),
    guardianName: student.guardianName ?? "",
    guardianRelationship: student.guardianRelationship ?? "",
    guardianPhone: student.guardianPhone ?? "",
    guardianVerifiedAt: day(student.guardianVerifiedAt),
  };
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("editTitle")} />
      <StudentForm
        schools={[{ id: student.schoolId, name: student.school.name }]}
        today={todayInLima()}
        initial={initial}
        edit={{ id: student.id, updatedAt: student.updatedAt.toISOString() }}
      />
    </div>
  );
}
