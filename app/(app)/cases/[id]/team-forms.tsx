"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { useBoundAction } from "@/components/forms/use-bound-action";
import { useLightActionForm } from "@/components/forms/use-light-action-form";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { assignCaseMemberAction, unassignCaseMemberAction } from "@/lib/cases/actions";
import { CaseFormStatus } from "./form-status";

type Member = { id: string; name: string; roleLabel: string };

export function AssignForm({ caseId, version, candidates }: { caseId: string; version: number; candidates: Member[] }) {
  const t = useTranslations("cases.team");
  const f = useLightActionForm({
    schema: () => import("@/lib/cases/schema").then((m) => m.ZAssignCaseMemberSchema),
    action: assignCaseMemberAction,
    defaultValues: { userId: "" },
    bound: { caseId, version },
    onSuccess: (_, form) => form.reset(),
  });
  if (candidates.length === 0) return <p className="text-sm text-slate-700">{t("noCandidates")}</p>;
  return (
    <ActionForm form={f} className="flex flex-col gap-3">
      <SelectField id="case-assign-user" label={t("assignLabel")} help={t("assignHelp")} {...f.field("userId")}>
        <option value="">{t("assignPlaceholder")}</option>
        {candidates.map((m) => (
          <option key={m.id} value={m.id}>
            {t("member", { name: m.name, role: m.roleLabel })}
          </option>
        ))}
      </SelectField>
      <CaseFormStatus form={f} version={version} saved={t("assigned")} />
      <div>
        <Button type="submit" disabled={f.pending}>
          {t("assign")}
        </Button>
      </div>
    </ActionForm>
  );
}

export function UnassignButton({ caseId, version, member }: { caseId: string; version: number; member: Member }) {
  const t = useTranslations("cases.team");
  // Nothing to type: the member and the version are the form (the server checks them).
  const f = useBoundAction(unassignCaseMemberAction, { caseId, version, userId: member.id });
  return (
    <ActionForm form={f} className="flex flex-col gap-2">
      <Button
        type="submit"
        variant="secondary"
        disabled={f.pending}
        aria-label={t("unassignLabel", { name: member.name })}
      >
        {t("unassign")}
      </Button>
      {f.result && !f.result.ok ? <CaseFormStatus form={f} version={version} saved="" /> : null}
    </ActionForm>
  );
}
