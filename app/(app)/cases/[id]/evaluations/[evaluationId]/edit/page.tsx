import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { getRequestOrigin } from "@/lib/auth/origin";
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { formatDateTime } from "@/lib/format/date";
import { getOwnDraftOrThrow } from "@/lib/risk/draft";
import { studentFullName } from "../../../../state-badge";
import { EvaluationForm } from "./evaluation-form";

export const generateMetadata = titleFrom("risk", "title");

type Props = { params: Promise<{ id: string; evaluationId: string }> };

async function load(user: Awaited<ReturnType<typeof requireUser>>, caseId: string, evaluationId: string) {
  try {
    return await getOwnDraftOrThrow(user, { caseId, evaluationId }, await getRequestOrigin());
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

/** The psychologist's own draft: fill, save, resume, sign. Anyone else's draft is not found. */
export default async function EditEvaluationPage({ params }: Props) {
  const user = await requireUser();
  const { id, evaluationId } = await params;
  const draft = await load(user, id, evaluationId);
  if (draft.signed) redirect(`/cases/${draft.caseId}/evaluations/${draft.evaluationId}`);
  const [t, locale] = await Promise.all([getTranslations("risk"), getLocale()]);
  const e = draft.evaluation;
  const items = draft.items.map((i) => ({
    code: i.code,
    domain: i.domain,
    label: locale === "en" ? i.labelEn : i.labelEs,
    sensitive: i.sensitiveCategory !== null,
    urgentReferralTo: i.urgentReferralTo,
  }));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link
        prefetch={false}
        href={`/cases/${draft.caseId}/evaluations`}
        className="text-sm text-teal-800 underline underline-offset-2"
      >
        {t("view.back")}
      </Link>
      <PageHeader
        title={t("form.titleNew")}
        description={
          <>
            {draft.student ? <p>{t("view.caseOf", { name: studentFullName(draft.student) })}</p> : null}
            <p>{t("form.draftOf", { instrument: t("instrument", { version: e.instrument.version }) })}</p>
          </>
        }
      />
      <h2 id="evaluation-form-title" className="sr-only">
        {t("form.titleNew")}
      </h2>
      {e.corrects ? (
        <p className="rounded-md border-l-4 border-sky-600 bg-sky-50 px-3 py-2 text-sm">
          {t("form.correcting", { date: formatDateTime(e.corrects.evaluatedAt) })}
        </p>
      ) : null}
      <p className="text-sm text-slate-700">{t("form.intro")}</p>
      <EvaluationForm
        caseId={draft.caseId}
        evaluationId={e.id}
        version={e.version}
        items={items}
        defaults={{
          answers: draft.answers,
          overallLevel: e.overallLevel,
          rationale: e.rationale,
          protectiveNotes: e.protectiveNotes,
          notes: e.notes,
          shareSensitiveWithSocialWorker: e.shareSensitiveWithSocialWorker,
        }}
        urgentAgencies={draft.urgentAgencies}
      />
    </div>
  );
}
