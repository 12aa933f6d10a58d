"use client";

import { useTranslations } from "next-intl";
import { useOnline } from "./use-online";

/** A thin "Sin conexión" strip under the header while the browser has no connection. */
export function OfflineIndicator() {
  const t = useTranslations("common.offline");
  const online = useOnline();
  return (
    <div role="status" aria-live="polite" data-testid="offline-indicator">
      {online ? null : (
        <p className="flex items-center justify-center gap-2 bg-amber-100 px-4 py-1 text-sm font-semibold text-amber-950">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0" fill="currentColor">
            <path d="M2.3 3.7 3.7 2.3l14 14-1.4 1.4-4.1-4.1a3 3 0 0 0-4.4.4L6.4 12.6a5.5 5.5 0 0 1 3.7-1.9L7.8 8.4a8 8 0 0 0-3.5 2L2.9 9a10 10 0 0 1 3.4-2.1L2.3 3.7ZM10 4a13 13 0 0 1 8.5 3.2L17.1 8.6A11 11 0 0 0 10 6h-.3L7.9 4.2C8.6 4.1 9.3 4 10 4Zm0 11a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Z" />
          </svg>
          {t("indicator")}
        </p>
      )}
    </div>
  );
}
