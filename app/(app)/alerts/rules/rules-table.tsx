import { getTranslations } from "next-intl/server";
import { CardSection } from "@/components/ui/card";
import type { SchoolRules } from "@/lib/alerts/rule-settings";

export async function RulesTable({ school }: { school: SchoolRules }) {
  const t = await getTranslations("alerts");
  return (
    <CardSection id={`rules-${school.id}`} title={t("rules.school", { name: school.name, code: school.codigoModular })}>
      <div
        role="region"
        aria-label={t("rules.school", { name: school.name, code: school.codigoModular })}
        tabIndex={0}
        className="overflow-x-auto"
      >
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-4">
                {t("rules.rule")}
              </th>
              <th scope="col" className="py-2 pr-4">
                {t("rules.threshold")}
              </th>
              <th scope="col" className="py-2">
                {t("rules.status")}
              </th>
            </tr>
          </thead>
          <tbody>
            {school.rules.map((r) => (
              <tr key={r.kind} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-2 pr-4 font-medium">
                  {t(`kinds.${r.kind}`)}
                </th>
                <td className="py-2 pr-4">
                  {t(`rules.units.${r.kind}`, { value: r.threshold, window: r.windowDays ?? 20 })}
                  {r.isDefault ? <span className="text-slate-600"> ({t("rules.default")})</span> : null}
                </td>
                <td className="py-2">{r.active ? t("rules.active") : t("rules.inactive")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </CardSection>
  );
}
