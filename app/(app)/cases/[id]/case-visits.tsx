import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { CardSection } from "@/components/ui/card";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import type { CaseFile } from "@/lib/cases/case-file";
import { formatDateTime, formatDay } from "@/lib/format/date";
import { ContactAttemptForm } from "./contact-attempt-form";

type Visit = NonNullable<CaseFile["homeVisits"]>[number];

/**
 * "Visitas y contacto" on the case page: the home visits and other contact attempts as the
 * viewer may see them (purpose and notes only when the case file returned them), and for the
 * case team the way to plan a visit and to log a call or a message.
 */
export async function CaseVisits({
  user,
  file,
  names,
}: {
  user: SessionUser;
  file: CaseFile;
  /** Names of the assignees and authors, read by the page with the rest of its names. */
  names: ReadonlyMap<string, string>;
}) {
  const visits = file.homeVisits;
  const attempts = file.contactAttempts ?? [];
  if (!visits) return null;
  const c = file.case;
  const schoolSide = file.access !== "AGENCY";
  const open = c.state !== "CLOSED";
  const canVisit = schoolSide && open && can(user.role, "visits.write");
  const canLog = schoolSide && open && can(user.role, "contacts.write");
  const t = await getTranslations("visits");
  const windowOf = (v: Visit) => (v.timeWindow ? t(`labels.windows.${v.timeWindow}`) : t("labels.windowUnknown"));
  const statusOf = (v: Visit) =>
    v.outcome ? t(`labels.outcomes.${v.outcome}`) : t(v.status === "CANCELLED" ? "labels.cancelled" : "labels.pending");

  return (
    <CardSection id="case-visits" title={t("case.title")}>
      {canVisit ? (
        <Link
          prefetch={false}
          href={`/cases/${c.id}/visits/new`}
          className={`${buttonClasses("primary")} mb-4 w-full sm:w-auto`}
        >
          {t("case.schedule")}
        </Link>
      ) : null}
      <h3 className="font-medium text-slate-900">{t("case.visits")}</h3>
      {visits.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">{t("case.noVisits")}</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-3" data-testid="case-visits">
          {visits.map((v) => {
            const assignee = v.assigneeId ? names.get(v.assigneeId) : undefined;
            const address =
              v.addressConfirmed === true
                ? t("case.addressConfirmed")
                : v.correctedStreet || (v.addressConfirmed === false && v.outcome === "CONTACTED")
                  ? t("case.addressCorrected")
                  : v.addressConfirmed === false
                    ? t("case.addressWrong")
                    : null;
            return (
              <li key={v.id} data-status={v.status} className="border-l-4 border-teal-700/40 pl-3 text-sm">
                <p className="font-medium text-slate-900">
                  {t("case.when", { date: formatDay(v.scheduledFor), window: windowOf(v) })} · {statusOf(v)}
                </p>
                {assignee ? <p className="text-slate-700">{t("case.assignedTo", { name: assignee })}</p> : null}
                {v.visitedAt ? (
                  <p className="text-slate-700">{t("case.visitedAt", { date: formatDateTime(v.visitedAt) })}</p>
                ) : null}
                {v.metWith ? <p>{t("case.metWith", { name: v.metWith })}</p> : null}
                {address ? <p>{address}</p> : null}
                {v.purpose ? <p className="text-slate-700">{t("case.purpose", { text: v.purpose })}</p> : null}
                {v.notes ? (
                  <p className="whitespace-pre-line break-words">{t("case.notes", { text: v.notes })}</p>
                ) : null}
                {canVisit ? (
                  <Link
                    prefetch={false}
                    href={`/visits/${v.id}`}
                    className="mt-1 inline-flex min-h-11 items-center font-medium text-teal-800 underline underline-offset-2"
                  >
                    {v.status === "SCHEDULED" ? t("case.record") : t("case.open")}
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <h3 className="mt-4 font-medium text-slate-900">{t("case.attempts")}</h3>
      {attempts.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">{t("case.noAttempts")}</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-3" data-testid="case-attempts">
          {attempts.map((a) => {
            const actor = a.actorId ? names.get(a.actorId) : undefined;
            return (
              <li key={a.id} className="border-l-4 border-slate-200 pl-3 text-sm">
                <p className="font-medium text-slate-900">
                  {t("case.attempt", {
                    channel: t(`labels.channels.${a.channel}`),
                    outcome: t(`labels.attemptOutcomes.${a.outcome}`),
                  })}
                </p>
                <p className="text-slate-700">
                  {formatDateTime(a.attemptedAt)}
                  {actor ? ` · ${t("case.by", { name: actor })}` : null}
                </p>
                {a.notes ? (
                  <p className="whitespace-pre-line break-words">{t("case.notes", { text: a.notes })}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canLog ? (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <h3 className="mb-2 font-medium text-slate-900">{t("attempt.title")}</h3>
          <ContactAttemptForm caseId={c.id} />
        </div>
      ) : null}
    </CardSection>
  );
}
