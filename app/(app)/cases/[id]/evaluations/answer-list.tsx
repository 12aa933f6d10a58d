import { useLocale, useTranslations } from "next-intl";
import type { RiskDomain } from "@/lib/generated/prisma/enums";
import type { VisibleAnswer } from "@/lib/risk/queries";

const DOMAINS: RiskDomain[] = ["HISTORICAL", "SOCIAL", "INDIVIDUAL", "PROTECTIVE"];

/** The answers the viewer may read (and only those: the query selected them), by domain. */
export function AnswerList({ answers }: { answers: VisibleAnswer[] }) {
  const t = useTranslations("risk");
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-4" data-testid="evaluation-answers">
      {DOMAINS.map((domain) => {
        const rows = answers.filter((a) => a.item.domain === domain);
        if (rows.length === 0) return null;
        return (
          <section key={domain} aria-labelledby={`answers-${domain}`}>
            <h3 id={`answers-${domain}`} className="mb-2 text-sm font-semibold text-slate-900">
              {t(`domains.${domain}`)}
            </h3>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[1fr_auto]">
              {rows.map(({ item, value }) => (
                <div key={item.code} className="contents" data-item={item.code} data-value={value}>
                  <dt className="text-slate-800">
                    {locale === "en" ? item.labelEn : item.labelEs}
                    {item.sensitiveCategory ? (
                      <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-800">{t("sensitive")}</span>
                    ) : null}
                  </dt>
                  <dd className={`mb-1 font-medium ${value === "PRESENT" ? "text-red-800" : "text-slate-700"}`}>
                    {t(`answers.${value}`)}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
