"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { FieldPath } from "react-hook-form";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { createStudentAction, updateStudentAction } from "@/lib/students/actions";
import { ZCreateStudentSchema, ZUpdateStudentSchema, type TCreateStudentInput } from "@/lib/students/record-schema";
import { DOCUMENT_TYPES, EDUCATION_LEVELS, SEXES } from "@/lib/students/schema";

type Values = TCreateStudentInput;
type Props = {
  schools: { id: string; name: string }[];
  today: string;
  initial: Record<keyof Values, string>;
  /** Present when editing: the student and the version the form was loaded with. */
  edit?: { id: string; updatedAt: string };
};

/** Create or edit a student with the import's validation (ZStudentSchema) on both sides. */
export function StudentForm({ schools, today, initial, edit }: Props) {
  const t = useTranslations("students");
  // Success redirects to the student's page (the action does it).
  const f = useActionForm<Values>({
    schema: edit ? ZUpdateStudentSchema : ZCreateStudentSchema,
    action: edit ? updateStudentAction : createStudentAction,
    defaultValues: initial as Values,
    bound: edit ? { id: edit.id, expectedUpdatedAt: edit.updatedAt } : {},
    mode: "onBlur",
  });
  const { errors, submitCount } = f.form.formState;
  // A long form: after a refused submit, say so at the top as well as on each field.
  const fixFirst = submitCount > 0 && !f.pending && !f.result && Object.keys(errors).length > 0;
  const text = (name: FieldPath<Values>, label: string, extra: Record<string, unknown> = {}) => (
    <TextField id={`st-${name}`} label={label} {...f.field(name)} {...extra} />
  );

  const section = (id: string, title: string, children: React.ReactNode) => (
    <fieldset
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
      aria-labelledby={id}
    >
      <legend id={id} className="px-1 font-semibold">
        {title}
      </legend>
      {children}
    </fieldset>
  );
  const verified = (name: "addressVerifiedAt" | "phoneVerifiedAt" | "guardianVerifiedAt") =>
    text(name, t("form.verifiedAt"), { type: "date", max: today, help: t("form.verifiedHelp") });

  return (
    <ActionForm form={f} className="space-y-4">
      {fixFirst ? <Notice tone="error">{t("form.fixErrors")}</Notice> : <FormStatus result={f.result} />}
      {section(
        "fs-identity",
        t("form.identity"),
        <>
          <SelectField id="st-documentType" label={t("form.documentType")} {...f.field("documentType")}>
            {DOCUMENT_TYPES.map((d) => (
              <option key={d} value={d}>
                {t(`documentType.${d}`)}
              </option>
            ))}
          </SelectField>
          {text("documentNumber", t("form.documentNumber"), {
            help: t("form.documentNumberHelp"),
            inputMode: "text",
            autoComplete: "off",
          })}
          {text("paternalSurname", t("form.paternalSurname"), { autoComplete: "off" })}
          {text("maternalSurname", t("form.maternalSurname"), { autoComplete: "off" })}
          {text("givenNames", t("form.givenNames"), { autoComplete: "off" })}
          <SelectField id="st-sex" label={t("form.sex")} {...f.field("sex")}>
            <option value="">{t("form.choose")}</option>
            {SEXES.map((s) => (
              <option key={s} value={s}>
                {t(`sex.${s}`)}
              </option>
            ))}
          </SelectField>
          {text("birthDate", t("form.birthDate"), { type: "date", max: today })}
        </>,
      )}
      {section(
        "fs-schooling",
        t("form.schooling"),
        <>
          {schools.length > 1 ? (
            <SelectField id="st-schoolId" label={t("form.school")} {...f.field("schoolId")}>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
          ) : (
            <input type="hidden" {...f.form.register("schoolId")} defaultValue={initial.schoolId} />
          )}
          <SelectField id="st-level" label={t("form.level")} {...f.field("level")}>
            {EDUCATION_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </SelectField>
          {text("grade", t("form.grade"), { type: "number", min: 1, max: 6, inputMode: "numeric" })}
          {text("section", t("form.section"), { autoComplete: "off" })}
        </>,
      )}
      {section(
        "fs-address",
        t("form.address"),
        <>
          {text("addressStreet", t("form.addressStreet"))}
          {text("addressReference", t("form.addressReference"), { help: t("form.addressReferenceHelp") })}
          {text("addressDistrict", t("form.addressDistrict"))}
          {verified("addressVerifiedAt")}
        </>,
      )}
      {section(
        "fs-phone",
        t("form.phone"),
        <>
          {text("phone", t("form.phoneNumber"), { type: "tel", inputMode: "tel" })}
          {verified("phoneVerifiedAt")}
        </>,
      )}
      {section(
        "fs-guardian",
        t("form.guardian"),
        <>
          {text("guardianName", t("form.guardianName"))}
          {text("guardianRelationship", t("form.guardianRelationship"))}
          {text("guardianPhone", t("form.guardianPhone"), { type: "tel", inputMode: "tel" })}
          {verified("guardianVerifiedAt")}
        </>,
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={f.pending} className={buttonClasses("primary")}>
          {f.pending ? t("form.saving") : t("form.save")}
        </button>
        <Link
          prefetch={false}
          href={edit ? `/students/${edit.id}` : "/students"}
          className={buttonClasses("secondary")}
        >
          {t("form.cancel")}
        </Link>
      </div>
    </ActionForm>
  );
}
