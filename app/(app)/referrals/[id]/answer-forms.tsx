"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { FormStatus } from "@/components/forms/form-status";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Choice, ChoiceGroup } from "@/components/visits/choice";
import {
  acceptReferralAction,
  closeReferralAction,
  rejectReferralAction,
  startReferralAction,
} from "@/lib/referrals/actions";
import {
  ZAcceptReferralSchema,
  ZCloseReferralSchema,
  ZRejectReferralSchema,
  ZStartReferralSchema,
} from "@/lib/referrals/schema";
import type { ReferralMove } from "@/lib/referrals/transitions";

// The agency's answers to a referral, each a form on the action path with the referral's id
// and the version the page showed (a stale page gets a conflict, never an overwrite).

type Props = { referralId: string; version: number };

function Status({ result }: { result: Parameters<typeof FormStatus>[0]["result"] }) {
  const t = useTranslations("referrals.answer");
  const router = useRouter();
  const conflict = result && !result.ok && result.code === "CONFLICT";
  return (
    <FormStatus result={result} saved={t("saved")}>
      {conflict ? (
        <Button variant="secondary" className="mt-2" onClick={() => router.refresh()}>
          {t("reload")}
        </Button>
      ) : null}
    </FormStatus>
  );
}

/** Accept or mark in progress: one button, no fields. */
function OneStep({ referralId, version, move }: Props & { move: "ACCEPT" | "START" }) {
  const t = useTranslations("referrals.answer");
  const f = useActionForm({
    schema: move === "ACCEPT" ? ZAcceptReferralSchema : ZStartReferralSchema,
    action: move === "ACCEPT" ? acceptReferralAction : startReferralAction,
    defaultValues: {},
    bound: { referralId, version },
  });
  return (
    <ActionForm form={f} className="flex flex-col gap-2" aria-label={t(move === "ACCEPT" ? "accept" : "start")}>
      <p className="text-sm text-slate-700">{t(move === "ACCEPT" ? "acceptHelp" : "startHelp")}</p>
      <Status result={f.result} />
      <div>
        <Button type="submit" disabled={f.pending} className="w-full sm:w-auto">
          {t(move === "ACCEPT" ? "accept" : "start")}
        </Button>
      </div>
    </ActionForm>
  );
}

function RejectForm({ referralId, version }: Props) {
  const t = useTranslations("referrals.answer");
  const f = useActionForm({
    schema: ZRejectReferralSchema,
    action: rejectReferralAction,
    defaultValues: { rejectionReason: "" },
    bound: { referralId, version },
  });
  return (
    <ActionForm form={f} className="flex flex-col gap-3" aria-label={t("rejectTitle")}>
      <h3 className="text-sm font-semibold text-slate-900">{t("rejectTitle")}</h3>
      <TextAreaField
        id="reject-reason"
        label={t("rejectionReason")}
        help={t("rejectionReasonHelp")}
        rows={3}
        maxLength={2000}
        {...f.field("rejectionReason")}
      />
      <Status result={f.result} />
      <div>
        <Button type="submit" variant="danger" disabled={f.pending} className="w-full sm:w-auto">
          {t("reject")}
        </Button>
      </div>
    </ActionForm>
  );
}

function CloseForm({ referralId, version }: Props) {
  const t = useTranslations("referrals.answer");
  const f = useActionForm({
    schema: ZCloseReferralSchema,
    action: closeReferralAction,
    defaultValues: { counterReferral: "", nextSteps: "", returnsToSchool: "" as unknown as boolean },
    bound: { referralId, version },
  });
  return (
    <ActionForm form={f} className="flex flex-col gap-3" aria-label={t("closeTitle")}>
      <h3 className="text-sm font-semibold text-slate-900">{t("closeTitle")}</h3>
      <TextAreaField
        id="close-counter"
        label={t("counterReferral")}
        help={t("counterReferralHelp")}
        rows={4}
        maxLength={5000}
        {...f.field("counterReferral")}
      />
      <TextAreaField
        id="close-next"
        label={t("nextSteps")}
        help={t("nextStepsHelp")}
        rows={2}
        maxLength={2000}
        {...f.field("nextSteps")}
      />
      <ChoiceGroup legend={t("returnsToSchool")} error={f.errorOf("returnsToSchool")} errorId="close-returns-error">
        <Choice label={t("returnsYes")} {...f.radio("returnsToSchool", "yes")} />
        <Choice label={t("returnsNo")} {...f.radio("returnsToSchool", "no")} />
      </ChoiceGroup>
      <p className="text-sm text-slate-700">{t("closeHelp")}</p>
      <Status result={f.result} />
      <div>
        <Button type="submit" disabled={f.pending} className="w-full sm:w-auto">
          {t("close")}
        </Button>
      </div>
    </ActionForm>
  );
}

/** The forms for the moves the referral allows now, in the order of the protocol. */
export function AnswerForms({ referralId, version, moves }: Props & { moves: ReferralMove[] }) {
  return (
    <div className="flex flex-col gap-4" data-testid="referral-answers">
      {moves.includes("ACCEPT") ? <OneStep referralId={referralId} version={version} move="ACCEPT" /> : null}
      {moves.includes("START") ? <OneStep referralId={referralId} version={version} move="START" /> : null}
      {moves.includes("CLOSE") ? <CloseForm referralId={referralId} version={version} /> : null}
      {moves.includes("REJECT") ? <RejectForm referralId={referralId} version={version} /> : null}
    </div>
  );
}
