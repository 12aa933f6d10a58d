import { describe, expect, it } from "vitest";
import { z } from "zod";
import { enumParam, intParam, listHref, optionalParam, pageParam, parseListParams, textParam } from "./params";

const schema = z.object({
  q: textParam(10),
  kind: enumParam(["A", "B"]),
  grade: intParam(1, 6),
  who: optionalParam(z.union([z.literal("me"), z.guid()])),
  page: pageParam,
});

describe("parseListParams", () => {
  it("reads the filters a list understands", () => {
    expect(
      parseListParams(
        { q: "  Núñez ", kind: "B", grade: "3", who: "0b6f1a7e-4c1d-4f57-9a44-2d1f0f5b8f10", page: "4" },
        schema,
      ),
    ).toEqual({ q: "Núñez", kind: "B", grade: 3, who: "0b6f1a7e-4c1d-4f57-9a44-2d1f0f5b8f10", page: 4 });
  });

  it("drops what it cannot read instead of failing the page", () => {
    expect(
      parseListParams({ q: "   ", kind: "Z", grade: "7", who: "not-an-id", page: "-3", extra: "x" }, schema),
    ).toEqual({ q: undefined, kind: undefined, grade: undefined, who: undefined, page: 1 });
    expect(parseListParams({ grade: "2.5", page: "abc" }, schema)).toMatchObject({ grade: undefined, page: 1 });
    expect(parseListParams({}, schema)).toMatchObject({ page: 1 });
    expect(parseListParams({ who: "me" }, schema).who).toBe("me");
  });

  it("shortens a long search rather than dropping it", () => {
    expect(parseListParams({ q: "abcdefghijklmnop" }, schema).q).toBe("abcdefghij");
  });

  it("takes the first of repeated keys, from a record or from URLSearchParams", () => {
    expect(parseListParams({ kind: ["A", "B"], page: ["2", "5"] }, schema)).toMatchObject({ kind: "A", page: 2 });
    expect(parseListParams(new URLSearchParams("kind=B&kind=A&grade=2"), schema)).toMatchObject({
      kind: "B",
      grade: 2,
    });
  });
});

describe("listHref", () => {
  it("keeps the filters in use and leaves page 1 implicit", () => {
    expect(listHref("/cases", { state: "OPEN", grade: 3, sex: undefined, q: "", page: 4 })).toBe(
      "/cases?state=OPEN&grade=3",
    );
    expect(listHref("/cases", { state: "OPEN" }, 3)).toBe("/cases?state=OPEN&page=3");
    expect(listHref("/alerts", {}, 1)).toBe("/alerts");
  });

  it("encodes what a user typed", () => {
    expect(listHref("/students", { q: "Núñez & co" }, 2)).toBe("/students?q=N%C3%BA%C3%B1ez+%26+co&page=2");
  });
});
