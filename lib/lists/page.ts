import type { SessionUser } from "../auth/types";

// The one result shape of a paginated list, and the arithmetic behind it.

export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number; pageCount: number };

/**
 * The contract of every list query: the caller (authorized and scoped inside), the filters
 * read from the URL (page included), and a page size that tests may shrink.
 */
export type ListQuery<F extends { page?: number }, T, P extends Page<T> = Page<T>> = (
  user: SessionUser | null,
  filters: Partial<F>,
  pageSize?: number,
) => Promise<P>;

export type PageWindow = { page: number; pageSize: number; pageCount: number; offset: number };

/**
 * Which rows a page shows. A page past the end gives the last page (a stale link after rows
 * left the list still shows something), and an empty list has one empty page.
 */
export function paginate(total: number, requestedPage: number | undefined, pageSize: number): PageWindow {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer`);
  const pageCount = Math.max(1, Math.ceil(Math.max(0, total) / pageSize));
  const wanted = Number.isFinite(requestedPage) ? Math.floor(requestedPage!) : 1;
  const page = Math.min(Math.max(1, wanted), pageCount);
  return { page, pageSize, pageCount, offset: (page - 1) * pageSize };
}

/**
 * Count first, then read the page the count allows. Both callbacks must use the same `where`
 * (scope included), or the total and the rows describe different lists.
 */
export async function loadPage<T>(
  requestedPage: number | undefined,
  pageSize: number,
  count: () => Promise<number>,
  read: (window: { skip: number; take: number }) => Promise<T[]>,
): Promise<Page<T>> {
  const total = await count();
  const { page, pageCount, offset } = paginate(total, requestedPage, pageSize);
  const rows = total === 0 ? [] : await read({ skip: offset, take: pageSize });
  return { rows, total, page, pageSize, pageCount };
}

/**
 * For a list read in one statement that returns its total with the page (no count first): read
 * the requested page; if it lies past the end (a stale link after rows left the list), read
 * the last page instead. `read` returns the total and the rows of the window it was given.
 */
export async function loadPageWithTotal<R extends { total: number; rows: unknown[] }>(
  requestedPage: number | undefined,
  pageSize: number,
  read: (window: { skip: number; take: number }) => Promise<R>,
): Promise<{ result: R; window: PageWindow }> {
  const wanted = paginate(Number.MAX_SAFE_INTEGER, requestedPage, pageSize);
  let result = await read({ skip: wanted.offset, take: pageSize });
  let window = paginate(result.total, requestedPage, pageSize);
  if (result.total > 0 && result.rows.length === 0) {
    result = await read({ skip: window.offset, take: pageSize });
    window = paginate(result.total, window.page, pageSize);
  }
  return { result, window };
}

/**
 * The page numbers a pager shows: the first, the last, and the current one with its
 * neighbours; "gap" where numbers are skipped. At most seven entries, so it fits a phone.
 */
export function pagerItems(page: number, pageCount: number): (number | "gap")[] {
  const shown = [1, page - 1, page, page + 1, pageCount].filter((p) => p >= 1 && p <= pageCount);
  const unique = [...new Set(shown)].sort((a, b) => a - b);
  const items: (number | "gap")[] = [];
  for (const p of unique) {
    const last = items.at(-1);
    // A gap of exactly one page shows that page: a number takes the same room as "…".
    if (typeof last === "number" && p - last === 2) items.push(last + 1);
    else if (typeof last === "number" && p - last > 2) items.push("gap");
    items.push(p);
  }
  return items;
}
