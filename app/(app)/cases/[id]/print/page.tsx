import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { roleLabel } from "@/components/nav/role-label";
import { getRequestOrigin } from "@/lib/auth/origin";
import { requireUser } from "@/lib/auth/session";
import { getCasePrint } from "@/lib/cases/case-print";
import { buildCaseTimeline } from "@/lib/cases/timeline";
import { isAppError } from "@/lib/errors/app-error";
import { titleFrom } from "@/i18n/page-title";
import { formatDateTime, formatDay } from "@/lib/format/date";
import { alertReason } from "@/lib/alerts/reason";
import { timelineReferrals } from "../referral-events";
import { describe } from "../timeline-list";
import { PrintButton } from "./print-button";

export const generateMetadata = titleFrom("reports.casePrint", "title");

type Props = { params: Promise<{ id: string }> };

/**
 * The printable case summary: the case as this viewer may see it on the case page, laid out for
 * paper. Names are in initials for viewers who do not work the case (lib/cases/case-print.ts).
 */
export default async function CasePrintPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const print = await getCasePrint(user, id, await getRequestOrigin()).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [t, tc, tcommon, tr, tv, ta, tf, locale] = await Promise.all([
    getTranslations("reports.casePrint"),
    getTranslations("cases"),
    getTranslations("common"),
    getTranslations("risk"),
    getTranslations("visits"),
    getTranslations("alerts"),
    getTranslations("referrals"),
    getLocale(),
  ]);
  const { file, masked, studentName, answers } = print;
  const c = file.case;
  const s = file.student;
  const timeline = buildCaseTimeline(file, { limit: 40 });
  const referrals = timelineReferrals(file);
  const describeAlert = (alert: { kind: string; figures: unknown }) => {
    const reason = alertReason(alert, locale);
    return reason.key === "unknown" ? null : ta(`reason.${reason.key}` as "reason.unknown", reason.values);
  };
  const summary: [string, string][] = [
    [tc("file.state"), tc(`states.${c.state}`)],
    [tc("file.openedAt"), formatDateTime(c.openedAt)],
    ...(c.closedAt ? [[tc("file.closedAt"), formatDateTime(c.closedAt)] as [string, string]] : []),
    ...(c.outcome ? [[tc("file.outcome"), tc(`outcomes.${c.outcome}`)] as [string, string]] : []),
    [tc("file.school"), `${c.school.name} (${c.school.codigoModular})`],
    ...(s
      ? ([
          ...(masked ? [] : [[tc("file.document"), [s.documentType, s.documentNumber].filter(Boolean).join(" ")]]),
          [tc("file.gradeSection"), tc("gradeSection", { grade: s.grade, section: s.section })],
          [tc("file.sex"), tc(`sex.${s.sex}`)],
        ] as [string, string][])
      : []),
  ];
  const contact = file.contact;
  if (contact) {
    const address = [contact.addressStreet, contact.addressReference, contact.addressDistrict]
      .filter(Boolean)
      .join(", ");
    if (address) summary.push([tc("file.address"), address]);
    if (contact.phone) summary.push([tc("file.phone"), contact.phone]);
    const guardian = [contact.guardianName, contact.guardianRelationship, contact.guardianPhone]
      .filter(Boolean)
      .join(" · ");
    if (guardian) summary.push([tc("file.guardian"), guardian]);
  }
  const present = answers?.answers.filter((a) => a.value === "PRESENT") ?? [];
  const label = (item: { labelEs: string; labelEn: string }) => (locale === "en" ? item.labelEn : item.labelEs);
  const h2 = "mt-5 mb-2 border-b border-slate-300 pb-1 text-base font-semibold text-slate-900 print:break-after-avoid";

  return (
    <article
      className="mx-auto max-w-3xl bg-white p-4 text-sm text-slate-900 print:max-w-none print:p-0 print:text-xs"
      data-testid="case-print"
    >
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        <PrintButton label={t("print")} />
        <Link
          prefetch={false}
          href={`/cases/${c.id}`}
          className="inline-flex min-h-11 items-center text-teal-800 underline underline-offset-2"
        >
          {t("back")}
        </Link>
      </div>
      <header>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-base" data-testid="print-student">
          {studentName ?? tc("file.titleAnonymous")}
        </p>
        <p className="mt-2 rounded border border-slate-400 p-2 text-xs">{t("confidential")}</p>
        {masked ? (
          <p className="mt-2 text-xs" data-testid="print-masked">
            {t("masked")}
          </p>
        ) : null}
      </header>

      <h2 className={h2}>{tc("file.summary")}</h2>
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1">
        {summary.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-slate-600">{k}</dt>
            <dd className="break-words">{v}</dd>
          </div>
        ))}
      </dl>

      {file.team ? (
        <>
          <h2 className={h2}>{t("team")}</h2>
          {file.team.length === 0 ? <p>{t("none")}</p> : null}
          <ul className="list-disc pl-5">
            {file.team.map((m) => (
              <li key={m.user.id}>
                {tc("team.member", {
                  name: m.user.name,
                  role: roleLabel(tcommon, { role: m.user.role, agencyType: null }),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {file.alerts ? (
        <>
          <h2 className={h2}>{t("alerts")}</h2>
          {file.alerts.length === 0 ? <p>{t("none")}</p> : null}
          <ul className="list-disc pl-5">
            {file.alerts.map((a) => (
              <li key={a.id}>
                {tc(`alertKinds.${a.kind}`)} · {formatDateTime(a.createdAt)}
                {describeAlert(a) ? ` · ${describeAlert(a)}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {file.evaluations ? (
        <>
          <h2 className={h2}>{t("evaluations")}</h2>
          {file.evaluations.length === 0 ? <p>{t("none")}</p> : null}
          <ul className="list-disc pl-5">
            {file.evaluations
              .filter((e) => e.status === "SIGNED")
              .map((e) => (
                <li key={e.id}>
                  {t("evaluation", {
                    date: formatDay(e.evaluatedAt),
                    level: e.overallLevel ? tr(`levels.${e.overallLevel}`) : t("noLevel"),
                    version: e.instrumentVersion,
                  })}
                </li>
              ))}
          </ul>
          {answers ? (
            <div data-testid="print-factors">
              <h3 className="mt-3 font-semibold">{t("factorsPresent", { date: formatDay(answers.evaluatedAt) })}</h3>
              {present.length === 0 ? <p>{t("noFactors")}</p> : null}
              <ul className="list-disc pl-5">
                {present.map((a) => (
                  <li key={a.item.id}>
                    {label(a.item)} ({tr(`domains.${a.item.domain}`)})
                  </li>
                ))}
              </ul>
              <p className="mt-1 text-xs text-slate-600">{t("hiddenAnswers")}</p>
            </div>
          ) : null}
        </>
      ) : null}

      {file.homeVisits ? (
        <>
          <h2 className={h2}>{t("visits")}</h2>
          {file.homeVisits.length + (file.contactAttempts?.length ?? 0) === 0 ? <p>{t("none")}</p> : null}
          <ul className="list-disc pl-5">
            {file.homeVisits.map((v) => (
              <li key={v.id}>
                {formatDay(v.scheduledFor)} ·{" "}
                {v.outcome
                  ? tv(`labels.outcomes.${v.outcome}`)
                  : tv(v.status === "CANCELLED" ? "labels.cancelled" : "labels.pending")}
              </li>
            ))}
            {(file.contactAttempts ?? []).map((a) => (
              <li key={a.id}>
                {formatDateTime(a.attemptedAt)} · {tv(`labels.channels.${a.channel}`)} ·{" "}
                {tv(`labels.attemptOutcomes.${a.outcome}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 className={h2}>{t("referrals")}</h2>
      {file.referrals.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="list-disc pl-5">
        {file.referrals.map((r) => (
          <li key={r.id}>
            {t("referral", {
              agency: r.agency.name,
              status: t(`referralStatus.${r.status}`),
              date: formatDateTime(r.sentAt),
            })}
          </li>
        ))}
      </ul>

      <h2 className={h2}>{t("timeline")}</h2>
      <ol className="flex flex-col gap-1">
        {timeline.items.map((item) => {
          const { title, detail } = describe(tc, tr, describeAlert, item, tv, tf, referrals);
          return (
            <li key={item.key} className="print:break-inside-avoid">
              <span className="text-slate-600">
                {item.kind === "absence" ? formatDay(item.date) : formatDateTime(item.at)}
              </span>{" "}
              · {title}
              {detail && !masked ? ` — ${detail}` : ""}
            </li>
          );
        })}
      </ol>
      <p className="mt-6 text-xs text-slate-600">
        {t("printedBy", { name: user.name, date: formatDateTime(new Date()) })}
      </p>
    </article>
  );
}
