import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { getRequestOrigin } from "@/lib/auth/origin";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import type { RawSearchParams } from "@/lib/lists/params";
import { findReferrals } from "@/lib/referrals/queries/list-referrals";
import { parseReferralListParams } from "@/lib/referrals/schema";
import { ReferralFilters, ReferralViews, urlFilters } from "./referral-filters";
import { ReferralList } from "./referral-list";

export const generateMetadata = titleFrom("common.nav", "referrals");

type Props = { searchParams: Promise<RawSearchParams> };

/** The agency's inbox, or the referrals sent from the user's schools (same filters, same order). */
export default async function ReferralsPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "referrals.inbox") && !can(user.role, "referrals.read")) notFound();
  const filters = parseReferralListParams(await searchParams);
  const [t, result] = await Promise.all([
    getTranslations("referrals"),
    findReferrals(user, filters, await getRequestOrigin()),
  ]);
  const agency = user.role === "AGENCY_STAFF";

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("list.title")}
        description={
          result.agencyName ? t("list.descriptionAgency", { agency: result.agencyName }) : t("list.descriptionSchool")
        }
      />
      <ReferralViews filters={filters} />
      <ReferralFilters filters={filters} />
      <p className="text-sm text-slate-700" role="status" data-testid="referral-count">
        {t("list.count", { total: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">{t("list.empty")}</p>
      ) : (
        <ReferralList rows={result.rows} agency={agency} />
      )}
      <Pager path="/referrals" filters={urlFilters(filters)} page={result.page} pageCount={result.pageCount} />
    </div>
  );
}
