import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { pagerItems } from "@/lib/lists/page";
import { listHref } from "@/lib/lists/params";

const NUMBER =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 text-sm font-medium tabular-nums focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700";

/**
 * Page links of a list whose filters live in the URL: plain links rendered on the server, so
 * paging works without JavaScript and keeps the filters. On a phone the numbers wrap onto
 * their own line under "previous" and "next".
 */
export async function Pager({
  path,
  filters,
  page,
  pageCount,
}: {
  path: string;
  filters: Record<string, unknown>;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("common.pager");
  const href = (p: number) => listHref(path, filters, p);
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-2">
      {page > 1 ? (
        <Link prefetch={false} href={href(page - 1)} rel="prev" className={buttonClasses("secondary")}>
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <ol className="order-last flex w-full flex-wrap items-center justify-center gap-1 sm:order-none sm:w-auto">
        {pagerItems(page, pageCount).map((item, i) =>
          item === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-500">
              …
            </li>
          ) : (
            <li key={item}>
              <Link
                prefetch={false}
                href={href(item)}
                aria-current={item === page ? "page" : undefined}
                aria-label={t("page", { page: item, pages: pageCount })}
                className={`${NUMBER} ${item === page ? "bg-teal-700 text-white" : "text-teal-800 underline-offset-2 hover:bg-slate-100 hover:underline"}`}
              >
                {item}
              </Link>
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? (
        <Link prefetch={false} href={href(page + 1)} rel="next" className={buttonClasses("secondary")}>
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
