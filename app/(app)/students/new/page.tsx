import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { todayInLima } from "@/lib/format/date";
import { findWritableSchools } from "@/lib/students/queries";
import { StudentForm } from "../student-form";

export const generateMetadata = titleFrom("students.form", "createTitle");

export default async function NewStudentPage() {
  const user = await requireUser();
  if (!can(user.role, "students.write")) notFound();
  const t = await getTranslations("students.form");
  const schools = await findWritableSchools(user);
  if (schools.length === 0) notFound();
  const blank = {
    schoolId: schools[0].id,
    documentType: "DNI",
    documentNumber: "",
    paternalSurname: "",
    maternalSurname: "",
    givenNames: "",
    sex: "",
    birthDate: "",
    level: "SECONDARY",
    grade: "",
    section: "",
    addressStreet: "",
    addressReference: "",
    addressDistrict: "",
    addressVerifiedAt: "",
    phone: "",
    phoneVerifiedAt: "",
    guardianName: "",
    guardianRelationship: "",
    guardianPhone: "",
    guardianVerifiedAt: "",
  };
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("createTitle")} />
      <StudentForm schools={schools} today={todayInLima()} initial={blank} />
    </div>
  );
}
