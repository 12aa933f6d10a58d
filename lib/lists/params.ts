import { z } from "zod";

// List pages read their filters from the URL. A filter that cannot be read (a hand-edited or
// stale link) is dropped rather than refused: the page still renders, just less filtered.

/** What a Next.js page receives as `searchParams`. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** `schema`'s value, or nothing when the parameter is missing, blank or unreadable. */
export function optionalParam<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional()).catch(undefined);
}

/** One of `values`, or nothing. */
export function enumParam<const T extends readonly [string, ...string[]]>(values: T) {
  return optionalParam(z.enum(values));
}

/** A whole number in [min, max], or nothing. */
export function intParam(min: number, max: number) {
  return optionalParam(z.coerce.number().int().min(min).max(max));
}

/** Trimmed text cut to `max` characters (a long search is shortened, not dropped), or nothing. */
export function textParam(max: number) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .transform((s) => s.trim().slice(0, max) || undefined)
      .optional(),
  );
}

/** A user id, or nothing. */
export const idParam = z.preprocess(blankToUndefined, z.guid().optional()).catch(undefined);

/** The requested page: 1 unless the URL names a sensible one. The query clamps it to the last. */
export const pageParam = z
  .preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).optional())
  .catch(undefined)
  .transform((p) => p ?? 1);

/**
 * Query-string values → the list's filters. Repeated keys keep their first value; keys the
 * schema does not name are ignored. The schema's fields are built from the helpers above, so
 * parsing never throws.
 */
export function parseListParams<S extends z.ZodType>(
  searchParams: RawSearchParams | URLSearchParams,
  schema: S,
): z.output<S> {
  const entries =
    searchParams instanceof URLSearchParams
      ? [...new Set(searchParams.keys())].map((k) => [k, searchParams.get(k) ?? undefined] as const)
      : Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  return schema.parse(Object.fromEntries(entries));
}

/** The list's URL for these filters; page 1 is implicit, so a bookmark of the first page is clean. */
export function listHref(path: string, filters: Record<string, unknown>, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === "page" || value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** How many filters are in use (the page number is not a filter). */
export function activeFilterCount(filters: Record<string, unknown>): number {
  return Object.entries(filters).filter(([key, v]) => key !== "page" && v !== undefined && v !== null && v !== "")
    .length;
}
