import { useTranslations } from "next-intl";
import type { RiskLevel } from "@/lib/generated/prisma/enums";
import type { Suggestion } from "@/lib/risk/suggest-level";

/**
 * The automatic suggestion, always labelled as one and with how it was computed (automated
 * profiling is disclosed; a person decides). `suggestion` carries the counts when the viewer
 * sees every answer; otherwise only the stored level and the rule are shown.
 */
export function SuggestionBox({
  level,
  suggestion,
  live = false,
}: {
  level: RiskLevel | null;
  suggestion: Suggestion | null;
  live?: boolean;
}) {
  const t = useTranslations("risk");
  const values = suggestion
    ? { present: suggestion.present, answered: suggestion.answered, percent: suggestion.percent ?? 0 }
    : null;
  return (
    <div
      className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-slate-800"
      data-testid="suggestion"
      aria-live={live ? "polite" : undefined}
    >
      <p className="font-semibold text-slate-900">{t("suggestion.title")}</p>
      <p data-testid="suggested-level">
        {level ? t("suggestion.label", { level: t(`levels.${level}`) }) : t("suggestion.none")}
      </p>
      {suggestion && values ? <p>{t(`suggestion.rules.${suggestion.rule}`, values)}</p> : null}
      <p className="mt-1">{t("suggestion.disclaimer")}</p>
      <details className="mt-1">
        <summary className="cursor-pointer text-teal-800 underline underline-offset-2">{t("suggestion.how")}</summary>
        <p className="mt-1">{t("suggestion.formula")}</p>
      </details>
    </div>
  );
}
