import { getTranslations } from "next-intl/server";

/** Grey blocks in the shape of what is coming, while a slow page loads (loading.tsx files). */
export async function PageSkeleton({ rows = 4, shape = "cards" }: { rows?: number; shape?: "cards" | "list" }) {
  const t = await getTranslations("common");
  const bar = "animate-pulse rounded-md bg-slate-200";
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-testid="page-skeleton" className="space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <div className={`${bar} h-8 w-2/3 max-w-sm`} />
      <div className={`${bar} h-4 w-1/2 max-w-xs`} />
      {shape === "cards" ? (
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-3">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className={`${bar} h-24`} />
          ))}
        </div>
      ) : (
        <ul className="space-y-2">
          {Array.from({ length: rows }, (_, i) => (
            <li key={i} className={`${bar} h-16`} />
          ))}
        </ul>
      )}
    </div>
  );
}
