// The human-readable reason of an alert, from the figures it keeps. Returns a message key in
// the "alerts" namespace (reason.<key>) and its values, so the sentence itself is translated.

export type ReasonMessage = { key: string; values: Record<string, string | number> };

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const isoDay = (v: unknown): string | null => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

/** YYYY-MM-DD → dd/mm: the year is the current term's and only adds noise in a list. */
export function shortDay(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}

// One formatter per language, made once: building an Intl.NumberFormat costs far more than
// using one, and the alert inbox formats a percentage for most of its alerts.
const PCT = {
  en: new Intl.NumberFormat("en", { maximumFractionDigits: 1 }),
  es: new Intl.NumberFormat("es-PE", { maximumFractionDigits: 1 }),
};

/** A percentage as the locale writes it, at most one decimal (es-PE writes "12.5"). */
export function formatPct(value: number, locale: string): string {
  return (locale === "en" ? PCT.en : PCT.es).format(value);
}

export function alertReason(
  alert: { kind: string; figures: unknown; note?: string | null },
  locale: string,
): ReasonMessage {
  const f = (alert.figures && typeof alert.figures === "object" ? alert.figures : {}) as Record<string, unknown>;
  const pct = num(f.pct);
  switch (alert.kind) {
    case "CONSECUTIVE_UNJUSTIFIED": {
      const count = num(f.consecutive);
      const from = isoDay(f.from);
      const to = isoDay(f.to);
      if (count === null || !from || !to) break;
      return { key: "consecutive", values: { count, from: shortDay(from), to: shortDay(to) } };
    }
    case "UNJUSTIFIED_RATE": {
      const count = num(f.unjustified);
      const days = num(f.days);
      if (count === null || days === null || pct === null) break;
      return { key: "rate", values: { count, days, pct: formatPct(pct, locale) } };
    }
    case "CHRONIC_TIER2":
    case "CHRONIC_TIER3": {
      const absences = num(f.absences);
      const days = num(f.days);
      if (absences === null || days === null || pct === null) break;
      const tier = alert.kind === "CHRONIC_TIER2" ? 2 : 3;
      return { key: "chronic", values: { tier, pct: formatPct(pct, locale), absences, days } };
    }
    case "CONCERN":
      return alert.note ? { key: "concernNote", values: { note: alert.note } } : { key: "concern", values: {} };
  }
  return { key: "unknown", values: {} };
}
