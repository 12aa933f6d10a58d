"use client";

import { useState, useTransition } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { createStudentAction, updateStudentAction } from "@/lib/students/actions";
import { ZCreateStudentSchema, type TCreateStudentInput } from "@/lib/students/record-schema";
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
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, startTransition] = useTransition();
  const form = useForm({
    resolver: zodResolver(ZCreateStudentSchema),
    defaultValues: initial as Values,
    mode: "onBlur",
  });
  const { register, handleSubmit, setError, formState } = form;
  const err = (name: FieldPath<Values>) => formState.errors[name]?.message as string | undefined;
  const text = (name: FieldPath<Values>, label: string, extra: Record<string, unknown> = {}) => (
    <TextField id={`st-${name}`} label={label} error={err(name)} {...register(name)} {...extra} />
  );

  const onSubmit = handleSubmit(
    (values) =>
      startTransition(async () => {
        setBanner(null);
        const result = edit
          ? await updateStudentAction(edit.id, edit.updatedAt, values)
          : await createStudentAction(values);
        if (result.ok) return;
        for (const [field, message] of Object.entries(result.fieldErrors))
          setError(field as FieldPath<Values>, { message });
        setBanner(result.message ?? t("form.genericError"));
      }),
    () => setBanner(t("form.fixErrors")),
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
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {banner && <Notice tone="error">{banner}</Notice>}
      {section(
        "fs-identity",
        t("form.identity"),
        <>
          <SelectField
            id="st-documentType"
            label={t("form.documentType")}
            error={err("documentType")}
            {...register("documentType")}
          >
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
          <SelectField id="st-sex" label={t("form.sex")} error={err("sex")} {...register("sex")}>
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
            <SelectField id="st-schoolId" label={t("form.school")} error={err("schoolId")} {...register("schoolId")}>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
          ) : (
            <input type="hidden" {...register("schoolId")} />
          )}
          <SelectField id="st-level" label={t("form.level")} error={err("level")} {...register("level")}>
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
        <button type="submit" disabled={saving} className={buttonClasses("primary")}>
          {saving ? t("form.saving") : t("form.save")}
        </button>
        <Link href={edit ? `/students/${edit.id}` : "/students"} className={buttonClasses("secondary")}>
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
