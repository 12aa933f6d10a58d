import { getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/format/date";

type Address = {
  street: string | null;
  reference: string | null;
  district: string | null;
  verifiedAt: Date | null;
  isStale: boolean;
};

/**
 * The address a visit goes to, with the day it was last verified. Stale (more than six months,
 * or never) is said in words and in red, not by colour alone.
 */
export async function AddressOnFile({ address, headingLevel = 2 }: { address: Address; headingLevel?: 2 | 3 }) {
  const t = await getTranslations("visits.address");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const verified = address.verifiedAt
    ? address.isStale
      ? t("stale", { date: formatDay(address.verifiedAt) })
      : t("verified", { date: formatDay(address.verifiedAt) })
    : t("never");
  const rows: [string, string | null][] = [
    [t("street"), address.street],
    [t("reference"), address.reference],
    [t("district"), address.district],
  ];
  return (
    <section aria-labelledby="address-on-file" data-testid="address-on-file">
      <Heading id="address-on-file" className="font-semibold text-slate-900">
        {t("title")}
      </Heading>
      {address.street ? (
        <dl className="mt-1 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="grid grid-cols-[6.5rem_1fr] gap-2 py-0.5">
              <dt className="text-slate-600">{label}</dt>
              <dd className="break-words">{value ?? "—"}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-1 text-sm">{t("none")}</p>
      )}
      <p
        data-testid="address-verified"
        data-stale={address.isStale ? "true" : "false"}
        className={`mt-1 text-sm ${address.isStale ? "font-semibold text-red-700" : "text-slate-700"}`}
      >
        {verified}
        {address.isStale ? ` ${t("staleHint")}` : null}
      </p>
    </section>
  );
}
