import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CardSection } from "@/components/ui/card";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import type { CaseFile } from "@/lib/cases/case-file";
import { formatDateTime } from "@/lib/format/date";
import { evaluationView } from "@/lib/risk/access";
import { StartEvaluationButton } from "./evaluations/evaluation-buttons";

/** The case's evaluations (level, date, evaluator), the psychologist's draft, and the way to a new one. */
export async function EvaluationsSection({ user, file }: { user: SessionUser; file: CaseFile }) {
  if (!file.evaluations) return null;
  const t = await getTranslations("risk");
  const c = file.case;
  const base = `/cases/${c.id}/evaluations`;
  const view = evaluationView(file.sections);
  const signed = file.evaluations.filter((e) => e.status === "SIGNED");
  const current = signed.filter((e) => !e.correctedById);
  const ownDraft = file.evaluations.find((e) => e.isOwnDraft);
  const mayStart = file.access !== "AGENCY" && can(user.role, "risk.write") && (ownDraft || c.state !== "CLOSED");
  return (
    <CardSection id="case-evaluations" title={t("section.title")}>
      {file.evaluations.length === 0 ? <p className="mb-3 text-sm text-slate-700">{t("section.empty")}</p> : null}
      <ul className="mb-3 flex flex-col gap-3" data-testid="case-evaluations">
        {file.evaluations.map((e) => (
          <li key={e.id} className="flex flex-col gap-1 border-b border-slate-100 pb-2 last:border-0">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium" data-testid="evaluation-level">
                {e.overallLevel ? t("levelWithPrefix", { level: e.overallLevel }) : t("status.DRAFT")}
              </span>
              <span className="text-sm text-slate-600">{t("instrument", { version: e.instrumentVersion })}</span>
              {e.status === "DRAFT" ? (
                <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                  {t("section.draftNote")}
                </span>
              ) : null}
              {e.correctedById ? (
                <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">
                  {t("section.correctedBy")}
                </span>
              ) : null}
            </p>
            <p className="text-sm text-slate-700" data-testid="evaluation-date">
              {t("section.row", {
                date: formatDateTime(e.evaluatedAt),
                evaluator: e.evaluatorName ?? "—",
              })}
            </p>
            {e.correctsDate ? (
              <p className="text-sm text-slate-700">
                {t("section.corrects", { date: formatDateTime(e.correctsDate) })}
              </p>
            ) : null}
            <Link
              prefetch={false}
              href={e.isOwnDraft ? `${base}/${e.id}/edit` : `${base}/${e.id}`}
              className="text-sm text-teal-800 underline underline-offset-2"
            >
              {e.isOwnDraft ? t("section.continueDraft") : t("section.view")}
            </Link>
          </li>
        ))}
      </ul>
      {view === "SUMMARY" && signed.length ? (
        <p className="mb-3 text-sm text-slate-600">{t("section.summaryOnly")}</p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {mayStart && !ownDraft ? <StartEvaluationButton caseId={c.id} label={t("section.new")} /> : null}
        {view === "FULL" && current.length > 1 ? (
          <Link
            prefetch={false}
            href={`${base}/compare`}
            className="text-sm text-teal-800 underline underline-offset-2"
          >
            {t("section.compare")}
          </Link>
        ) : null}
      </div>
    </CardSection>
  );
}
