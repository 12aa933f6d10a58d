import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import en from "../../messages/en/alerts.json";
import es from "../../messages/es/alerts.json";
import { alertReason } from "./reason";

function text(alert: { kind: string; figures: unknown; note?: string | null }, locale: "es" | "en" = "es") {
  const t = createTranslator({ locale, messages: { alerts: locale === "es" ? es : en }, namespace: "alerts" });
  const r = alertReason(alert, locale);
  return t(`reason.${r.key}` as "reason.consecutive", r.values);
}

describe("[ALERTS] reasons read like the director would say them", () => {
  it("consecutive absences with the run's dates", () => {
    expect(
      text({
        kind: "CONSECUTIVE_UNJUSTIFIED",
        figures: { consecutive: 4, threshold: 3, from: "2026-06-02", to: "2026-06-05" },
      }),
    ).toBe("4 faltas injustificadas seguidas, del 02/06 al 05/06");
  });

  it("rate over the window, percentage as es-PE writes it (decimal point, as CLDR says for Peru)", () => {
    const figures = {
      unjustified: 3,
      days: 20,
      pct: 15,
      threshold: 10,
      windowFrom: "2026-05-05",
      windowTo: "2026-06-02",
    };
    expect(text({ kind: "UNJUSTIFIED_RATE", figures })).toBe(
      "3 faltas injustificadas en los últimos 20 días de clase (15 %)",
    );
    expect(text({ kind: "UNJUSTIFIED_RATE", figures: { ...figures, unjustified: 1, pct: 12.5, days: 8 } })).toBe(
      "1 falta injustificada en los últimos 8 días de clase (12.5 %)",
    );
    expect(text({ kind: "UNJUSTIFIED_RATE", figures: { ...figures, pct: 12.5 } }, "en")).toContain("(12.5 %)");
  });

  it("chronic tiers", () => {
    const figures = { absences: 7, justified: 4, unjustified: 3, days: 58, pct: 12, threshold: 10 };
    expect(text({ kind: "CHRONIC_TIER2", figures })).toBe(
      "Ausentismo crónico nivel 2: 12 % de los días (7 faltas en 58 días de clase)",
    );
    expect(text({ kind: "CHRONIC_TIER3", figures: { ...figures, absences: 13, pct: 22.4 } })).toBe(
      "Ausentismo crónico nivel 3: 22.4 % de los días (13 faltas en 58 días de clase)",
    );
  });

  it("a concern shows its note; broken figures still render", () => {
    expect(text({ kind: "CONCERN", figures: {}, note: "Dice que trabajará con su padre" })).toBe(
      "Preocupación registrada: Dice que trabajará con su padre",
    );
    expect(text({ kind: "CONSECUTIVE_UNJUSTIFIED", figures: { consecutive: "x" } })).toBe(
      "Alerta sin detalle de cifras",
    );
    expect(text({ kind: "CHRONIC_TIER2", figures: null })).toBe("Alerta sin detalle de cifras");
  });
});
