import type { TCaseListFilters } from "@/lib/cases/schema";

/** The list URL for these filters (page 1 is implicit), so views can be bookmarked. */
export function caseListHref(filters: Partial<TCaseListFilters>, page = 1): string {
  const params = new URLSearchParams();
  if (filters.assignee) params.set("assignee", filters.assignee);
  if (filters.state) params.set("state", filters.state);
  if (filters.grade) params.set("grade", String(filters.grade));
  if (filters.sex) params.set("sex", filters.sex);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/cases?${query}` : "/cases";
}
