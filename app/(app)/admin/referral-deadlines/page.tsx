import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/i18n/page-title";
import { CardSection } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { getReferralDeadlines } from "@/lib/referrals/deadline-settings";
import { DeadlinesForm } from "./deadlines-form";

export const generateMetadata = titleFrom("admin.referralDeadlines", "title");

/** The administrator sets how many hours an agency has to answer a referral of each urgency. */
export default async function AdminReferralDeadlinesPage() {
  const user = await requireUser();
  if (!can(user.role, "referralDeadlines.write")) notFound();
  const [t, hours] = await Promise.all([getTranslations("admin.referralDeadlines"), getReferralDeadlines(user)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <CardSection id="deadlines-title" title={t("section")}>
        <DeadlinesForm hours={hours} />
      </CardSection>
    </div>
  );
}
