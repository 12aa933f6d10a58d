import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { CardSection } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getRequestOrigin } from "@/lib/auth/origin";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { formatDateTime } from "@/lib/format/date";
import { getEvaluationOrThrow, type EvaluationRead } from "@/lib/risk/queries";
import { suggestRiskLevel } from "@/lib/risk/suggest-level";
import { studentFullName } from "../../../state-badge";
import { AnswerList } from "../answer-list";
import { ShareSensitiveForm, StartEvaluationButton } from "../evaluation-buttons";
import { SuggestionBox } from "../suggestion-box";

export const generateMetadata = titleFrom("risk", "title");

type Props = { params: Promise<{ id: string; evaluationId: string }> };

async function load(user: Awaited<ReturnType<typeof requireUser>>, caseId: string, evaluationId: string) {
  try {
    return await getEvaluationOrThrow(user, { caseId, evaluationId }, await getRequestOrigin());
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/** The counts behind the stored suggestion, only for a viewer who sees every answer. */
function suggestionOf(read: Extract<EvaluationRead, { view: "FULL" }>) {
  if (read.hiddenAnswers > 0) return null;
  const answers = Object.fromEntries(read.answers.map((a) => [a.item.code, a.value]));
  const s = suggestRiskLevel(
    read.answers.map((a) => a.item),
    answers,
  );
  return s.level === read.evaluation.suggestedLevel ? s : null;
}

/** One evaluation, as much of it as the query gave this viewer (lib/risk/queries.ts). */
export default async function EvaluationPage({ params }: Props) {
  const user = await requireUser();
  const { id, evaluationId } = await params;
  const read = await load(user, id, evaluationId);
  const e = read.evaluation;
  if (e.isOwnDraft) redirect(`/cases/${read.caseId}/evaluations/${e.id}/edit`);
  const t = await getTranslations("risk");
  const base = `/cases/${read.caseId}/evaluations`;
  const psychologist = can(user.role, "risk.write") && user.role !== "AGENCY_STAFF";
  const rows: [string, string][] = [
    [t("view.level"), e.overallLevel ? t(`levels.${e.overallLevel}`) : "—"],
    [t("view.evaluatedAt"), formatDateTime(e.evaluatedAt)],
    [t("view.evaluator"), e.evaluatorName ?? "—"],
    [t("view.instrumentVersion"), String(e.instrumentVersion)],
  ];
  return (
    <div className="space-y-4">
      <Link
        prefetch={false}
        href={`/cases/${read.caseId}/evaluations`}
        className="text-sm text-teal-800 underline underline-offset-2"
      >
        {t("view.back")}
      </Link>
      <PageHeader
        title={t("title")}
        description={read.student ? t("view.caseOf", { name: studentFullName(read.student) }) : undefined}
      />
      <CardSection id="evaluation-summary" title={t(`status.${e.status}`)}>
        <dl
          className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]"
          data-testid="evaluation-summary"
        >
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-slate-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {e.correctsId ? (
          <p className="mt-3 text-sm">
            {t("view.corrects", { date: formatDateTime(e.correctsDate) })}{" "}
            <Link
              prefetch={false}
              href={`${base}/${e.correctsId}`}
              className="text-teal-800 underline underline-offset-2"
            >
              {t("view.openCorrects")}
            </Link>
          </p>
        ) : null}
        {e.correctedById ? (
          <p className="mt-3 text-sm">
            {t("view.correctedBy")}{" "}
            <Link
              prefetch={false}
              href={`${base}/${e.correctedById}`}
              className="text-teal-800 underline underline-offset-2"
            >
              {t("view.openCorrection")}
            </Link>
          </p>
        ) : null}
      </CardSection>
      {read.view === "FULL" ? (
        <>
          <CardSection id="evaluation-judgement" title={t("view.rationale")}>
            <div className="flex flex-col gap-3">
              <p className="whitespace-pre-line break-words" data-testid="evaluation-rationale">
                {read.evaluation.rationale}
              </p>
              <SuggestionBox level={read.evaluation.suggestedLevel} suggestion={suggestionOf(read)} />
            </div>
          </CardSection>
          <CardSection id="evaluation-answers-title" title={t("view.answersTitle")}>
            <AnswerList answers={read.answers} />
            {read.hiddenAnswers > 0 ? (
              <p className="mt-3 text-sm text-slate-600" data-testid="hidden-answers">
                {t("view.hidden", { count: read.hiddenAnswers })}
              </p>
            ) : null}
            {read.evaluation.protectiveNotes ? (
              <>
                <h3 className="mt-4 text-sm font-semibold">{t("view.protectiveNotes")}</h3>
                <p className="whitespace-pre-line break-words text-sm">{read.evaluation.protectiveNotes}</p>
              </>
            ) : null}
            {read.evaluation.notes ? (
              <>
                <h3 className="mt-4 text-sm font-semibold">{t("view.notes")}</h3>
                <p className="whitespace-pre-line break-words text-sm">{read.evaluation.notes}</p>
              </>
            ) : null}
          </CardSection>
          {psychologist && e.status === "SIGNED" ? (
            <CardSection id="evaluation-actions" title={t("view.final")}>
              <div className="flex flex-col gap-4">
                <ShareSensitiveForm
                  caseId={read.caseId}
                  evaluationId={e.id}
                  shared={read.evaluation.shareSensitiveWithSocialWorker}
                />
                {e.correctedById ? null : (
                  <div className="flex flex-col gap-2">
                    <p className="text-sm text-slate-700">{t("view.correctHelp")}</p>
                    <StartEvaluationButton
                      caseId={read.caseId}
                      correctsId={e.id}
                      label={t("view.correct")}
                      variant="secondary"
                    />
                  </div>
                )}
              </div>
            </CardSection>
          ) : null}
          <Link
            prefetch={false}
            href={`${base}/compare`}
            className="inline-block text-sm text-teal-800 underline underline-offset-2"
          >
            {t("view.compare")}
          </Link>
        </>
      ) : (
        <p className="text-sm text-slate-600">{t("section.summaryOnly")}</p>
      )}
    </div>
  );
}
