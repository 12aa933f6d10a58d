"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { assignCaseMemberAction, unassignCaseMemberAction, type CaseActionState } from "@/lib/cases/actions";
import { CaseRefFields, FormStatus } from "./form-status";

type Member = { id: string; name: string; roleLabel: string };

export function AssignForm({ caseId, version, candidates }: { caseId: string; version: number; candidates: Member[] }) {
  const t = useTranslations("cases.team");
  const [result, formAction, pending] = useActionState<CaseActionState, FormData>(assignCaseMemberAction, null);
  if (candidates.length === 0) return <p className="text-sm text-slate-700">{t("noCandidates")}</p>;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <CaseRefFields caseId={caseId} version={version} />
      <SelectField
        id="case-assign-user"
        name="userId"
        label={t("assignLabel")}
        help={t("assignHelp")}
        defaultValue=""
        error={result && !result.ok ? result.fieldErrors.userId : undefined}
      >
        <option value="">{t("assignPlaceholder")}</option>
        {candidates.map((m) => (
          <option key={m.id} value={m.id}>
            {t("member", { name: m.name, role: m.roleLabel })}
          </option>
        ))}
      </SelectField>
      <FormStatus state={result} version={version} saved={t("assigned")} />
      <div>
        <Button type="submit" disabled={pending}>
          {t("assign")}
        </Button>
      </div>
    </form>
  );
}

export function UnassignButton({ caseId, version, member }: { caseId: string; version: number; member: Member }) {
  const t = useTranslations("cases.team");
  const [result, formAction, pending] = useActionState<CaseActionState, FormData>(unassignCaseMemberAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <CaseRefFields caseId={caseId} version={version} />
      <input type="hidden" name="userId" value={member.id} readOnly />
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        aria-label={t("unassignLabel", { name: member.name })}
      >
        {t("unassign")}
      </Button>
      {result && !result.ok ? <FormStatus state={result} version={version} saved="" /> : null}
    </form>
  );
}
