import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CardSection } from "@/components/ui/card";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { formatDateTime, formatDay } from "@/lib/format/date";
import type { AddressHistoryRow } from "@/lib/visits/address-history";

type Address = { street: string | null; reference: string | null; district: string | null; verifiedAt: Date | null };

/**
 * "Historial de dirección": every confirmation or correction made on a visit, newest first —
 * who, when, from which visit, and the address before and after.
 */
export async function AddressHistory({ user, rows }: { user: SessionUser; rows: AddressHistoryRow[] }) {
  const t = await getTranslations("visits.history");
  const canOpenCase = can(user.role, "cases.readSummary");
  const line = (a: Address) =>
    [
      [a.street, a.reference, a.district].filter(Boolean).join(", ") || t("noAddress"),
      a.verifiedAt ? t("verified", { date: formatDay(a.verifiedAt) }) : t("neverVerified"),
    ].join(" · ");
  return (
    <CardSection id="address-history" title={t("title")}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-3" data-testid="address-history">
          {rows.map((r) => {
            const visitDay = r.visit ? formatDay(r.visit.scheduledFor) : null;
            return (
              <li key={r.id} data-kind={r.kind} className="border-l-4 border-slate-200 pl-3 text-sm">
                <p className="font-medium text-slate-900">{t(r.kind)}</p>
                <p className="text-slate-700">
                  {t("who", { name: r.changedBy.name, date: formatDateTime(r.changedAt) })}
                  {visitDay ? " · " : null}
                  {visitDay && r.visit && canOpenCase ? (
                    <Link
                      prefetch={false}
                      href={`/cases/${r.visit.caseId}`}
                      className="text-teal-800 underline underline-offset-2"
                    >
                      {t("fromVisit", { date: visitDay })}
                    </Link>
                  ) : visitDay ? (
                    t("fromVisit", { date: visitDay })
                  ) : null}
                </p>
                <dl className="mt-1 grid grid-cols-[4.5rem_1fr] gap-x-2">
                  {r.kind === "CORRECTED" ? (
                    <>
                      <dt className="text-slate-600">{t("previous")}</dt>
                      <dd className="break-words">
                        {line({
                          street: r.previousStreet,
                          reference: r.previousReference,
                          district: r.previousDistrict,
                          verifiedAt: r.previousVerifiedAt,
                        })}
                      </dd>
                    </>
                  ) : null}
                  <dt className="text-slate-600">{t("now")}</dt>
                  <dd className="break-words">
                    {line({
                      street: r.newStreet,
                      reference: r.newReference,
                      district: r.newDistrict,
                      verifiedAt: r.verifiedAt,
                    })}
                  </dd>
                </dl>
              </li>
            );
          })}
        </ol>
      )}
    </CardSection>
  );
}
