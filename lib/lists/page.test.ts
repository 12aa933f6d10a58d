import { describe, expect, it } from "vitest";
import { loadPage, loadPageWithTotal, pagerItems, paginate } from "./page";

describe("paginate", () => {
  it("computes the offset and page count", () => {
    expect(paginate(61, 2, 50)).toEqual({ page: 2, pageSize: 50, pageCount: 2, offset: 50 });
    expect(paginate(50, 1, 50)).toMatchObject({ pageCount: 1, offset: 0 });
    expect(paginate(51, 1, 50)).toMatchObject({ pageCount: 2 });
  });

  it("clamps a page past the end to the last page, and nonsense to the first", () => {
    expect(paginate(61, 9, 50)).toMatchObject({ page: 2, offset: 50 });
    expect(paginate(61, 0, 50)).toMatchObject({ page: 1, offset: 0 });
    expect(paginate(61, -4, 50)).toMatchObject({ page: 1 });
    expect(paginate(61, undefined, 50)).toMatchObject({ page: 1 });
    expect(paginate(61, Number.NaN, 50)).toMatchObject({ page: 1 });
    expect(paginate(61, 1.7, 50)).toMatchObject({ page: 1 });
  });

  it("gives an empty list one empty page", () => {
    expect(paginate(0, 3, 25)).toEqual({ page: 1, pageSize: 25, pageCount: 1, offset: 0 });
  });

  it("refuses a page size that would divide by zero", () => {
    expect(() => paginate(10, 1, 0)).toThrow(RangeError);
  });
});

describe("loadPage", () => {
  const data = Array.from({ length: 7 }, (_, i) => i);
  const read = async ({ skip, take }: { skip: number; take: number }) => data.slice(skip, skip + take);

  it("reads the window the count allows and reports the list's total", async () => {
    expect(await loadPage(2, 3, async () => data.length, read)).toEqual({
      rows: [3, 4, 5],
      total: 7,
      page: 2,
      pageSize: 3,
      pageCount: 3,
    });
    expect(await loadPage(99, 3, async () => data.length, read)).toMatchObject({ rows: [6], page: 3, total: 7 });
  });

  it("does not read rows when the count is zero", async () => {
    let reads = 0;
    const page = await loadPage(
      1,
      3,
      async () => 0,
      async () => {
        reads++;
        return [];
      },
    );
    expect(page).toEqual({ rows: [], total: 0, page: 1, pageSize: 3, pageCount: 1 });
    expect(reads).toBe(0);
  });
});

describe("loadPageWithTotal", () => {
  const data = Array.from({ length: 7 }, (_, i) => i);
  const read = async ({ skip, take }: { skip: number; take: number }) => ({
    total: data.length,
    rows: data.slice(skip, skip + take),
  });

  it("reads the requested window with its total in one read", async () => {
    const { result, window } = await loadPageWithTotal(2, 3, read);
    expect(result.rows).toEqual([3, 4, 5]);
    expect(window).toEqual({ page: 2, pageSize: 3, pageCount: 3, offset: 3 });
  });

  it("a page past the end reads the last page", async () => {
    const { result, window } = await loadPageWithTotal(99, 3, read);
    expect(result.rows).toEqual([6]);
    expect(window.page).toBe(3);
  });

  it("an empty list is one empty page", async () => {
    const { result, window } = await loadPageWithTotal(4, 3, async () => ({ total: 0, rows: [] }));
    expect(result.rows).toEqual([]);
    expect(window).toMatchObject({ page: 1, pageCount: 1 });
  });
});

describe("pagerItems", () => {
  it("shows every page of a short list", () => {
    expect(pagerItems(1, 1)).toEqual([1]);
    expect(pagerItems(2, 4)).toEqual([1, 2, 3, 4]);
    expect(pagerItems(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps first, last and the current page's neighbours, with gaps", () => {
    expect(pagerItems(10, 20)).toEqual([1, "gap", 9, 10, 11, "gap", 20]);
    expect(pagerItems(1, 20)).toEqual([1, 2, "gap", 20]);
    expect(pagerItems(1, 5)).toEqual([1, 2, "gap", 5]);
    expect(pagerItems(20, 20)).toEqual([1, "gap", 19, 20]);
  });

  it("fills a one-page gap with the page itself", () => {
    expect(pagerItems(4, 20)).toEqual([1, 2, 3, 4, 5, "gap", 20]);
    expect(pagerItems(17, 20)).toEqual([1, "gap", 16, 17, 18, 19, 20]);
  });

  it("never shows more than seven entries", () => {
    for (let count = 1; count <= 40; count++)
      for (let page = 1; page <= count; page++) expect(pagerItems(page, count).length).toBeLessThanOrEqual(7);
  });
});
