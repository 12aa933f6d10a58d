import { PendingLink } from "@/components/nav/pending-link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { TelLink } from "@/components/visits/tel-link";
import { formatDay } from "@/lib/format/date";
import type { MyVisitRow, VisitGroup } from "@/lib/visits/queries";
import { studentName } from "@/lib/visits/student-name";

type RowOptions = { canRecord: boolean; showAssignee: boolean; showSchool: boolean; showDay: boolean };

/** One of Vencidas / Hoy / Próximas: a heading per district, then one card per visit. */
export async function VisitSection({
  id,
  title,
  help,
  groups,
  ...options
}: { id: string; title: string; help?: string; groups: VisitGroup[] } & RowOptions) {
  const t = await getTranslations("visits.mine");
  const count = groups.reduce((n, g) => n + g.rows.length, 0);
  return (
    <section aria-labelledby={id} data-testid={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title} <span className="font-normal text-slate-600">({count})</span>
      </h2>
      {help && count > 0 ? <p className="text-sm text-slate-700">{help}</p> : null}
      {count === 0 ? <p className="text-sm text-slate-700">{t("none")}</p> : null}
      {groups.map((g, i) => (
        <div key={`${g.district ?? ""}-${i}`} className="space-y-2">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-700">
            {g.district ?? t("noDistrict")} · {t("inDistrict", { count: g.rows.length })}
          </h3>
          <ul className="flex flex-col gap-2">
            {g.rows.map((row) => (
              <VisitRow key={row.id} row={row} {...options} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

async function VisitRow({ row, canRecord, showAssignee, showSchool, showDay }: { row: MyVisitRow } & RowOptions) {
  const [t, tv] = await Promise.all([getTranslations("visits.mine"), getTranslations("visits")]);
  const s = row.student;
  const name = studentName(s);
  const window = row.timeWindow ? tv(`labels.windows.${row.timeWindow}`) : tv("labels.windowUnknown");
  return (
    <li data-testid="visit-row" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-x-2">
        <PendingLink
          href={`/cases/${row.caseId}`}
          className="font-semibold text-teal-800 underline underline-offset-2 hover:decoration-2"
        >
          {name}
        </PendingLink>
        <span className="text-sm text-slate-700">
          {showDay ? t("when", { date: formatDay(row.scheduledFor), window }) : window}
        </span>
      </div>
      <p className="text-sm text-slate-700">
        {[t("gradeSection", { grade: s.grade, section: s.section }), showSchool ? row.schoolName : null]
          .filter(Boolean)
          .join(" · ")}
        {row.previousVisits > 0 ? ` · ${t("attempt", { n: row.previousVisits + 1 })}` : null}
      </p>
      <p className="mt-2 break-words">
        {s.addressStreet ?? tv("address.none")}
        {s.addressReference ? <span className="block text-sm text-slate-700">{s.addressReference}</span> : null}
      </p>
      {row.addressStale ? (
        <p className="text-sm font-semibold text-red-700">
          {s.addressVerifiedAt ? t("staleAddress") : t("neverVerified")}
        </p>
      ) : null}
      <div className="mt-1 flex flex-col text-sm">
        {s.phone ? (
          <span>
            {tv("people.phone")}: <TelLink phone={s.phone} label={tv("people.call", { phone: s.phone })} />
          </span>
        ) : null}
        {s.guardianName ? (
          <span>
            {s.guardianRelationship
              ? t("guardianWithRelationship", { name: s.guardianName, relationship: s.guardianRelationship })
              : t("guardian", { name: s.guardianName })}
          </span>
        ) : null}
        {s.guardianPhone ? (
          <span>
            {tv("people.guardianPhone")}:{" "}
            <TelLink phone={s.guardianPhone} label={tv("people.call", { phone: s.guardianPhone })} />
          </span>
        ) : null}
      </div>
      {showAssignee && row.assignee ? (
        <p className="mt-1 text-sm text-slate-700">{t("assignedTo", { name: row.assignee.name })}</p>
      ) : null}
      {canRecord ? (
        <PendingLink
          href={`/visits/${row.id}`}
          aria-label={t("recordFor", { name })}
          className={`${buttonClasses("primary")} mt-3 w-full text-base`}
        >
          {t("record")}
        </PendingLink>
      ) : null}
    </li>
  );
}
