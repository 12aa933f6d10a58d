import { describe, expect, it } from "vitest";
import { changeBetween, compareEvaluations, type SeriesItem } from "./compare";

const item = (code: string, position: number, domain: SeriesItem["domain"] = "INDIVIDUAL"): SeriesItem => ({
  code,
  domain,
  position,
  labelEs: code,
  labelEn: code,
});

describe("[RISK] change between two evaluations", () => {
  it("names each kind of change, and none when nothing changed", () => {
    expect(changeBetween("ABSENT", "PRESENT")).toBe("APPEARED");
    expect(changeBetween("PRESENT", "ABSENT")).toBe("DISAPPEARED");
    expect(changeBetween("UNKNOWN", "PRESENT")).toBe("NOW_KNOWN");
    expect(changeBetween("UNKNOWN", "ABSENT")).toBe("NOW_KNOWN");
    expect(changeBetween("PRESENT", "UNKNOWN")).toBe("NOW_UNKNOWN");
    expect(changeBetween("NOT_ASKED", "PRESENT")).toBe("NEW_ITEM");
    expect(changeBetween("PRESENT", "PRESENT")).toBeNull();
    expect(changeBetween(undefined, "PRESENT")).toBeNull();
  });

  it("says nothing about an answer the viewer cannot read", () => {
    expect(changeBetween("HIDDEN", "PRESENT")).toBeNull();
    expect(changeBetween("ABSENT", "HIDDEN")).toBeNull();
  });
});

describe("[RISK] evaluations side by side", () => {
  const items = [item("protective", 1, "PROTECTIVE"), item("anger", 2), item("self_harm", 3), item("substances", 4)];
  const v1 = ["protective", "anger", "substances"];
  const v2 = [...v1, "self_harm"];

  it("puts risk items first in form order, protective factors last, with the changes since the previous one", () => {
    const { rows, counts } = compareEvaluations(items, [
      { id: "e1", codes: v1, answers: { protective: "PRESENT", anger: "ABSENT", substances: "UNKNOWN" } },
      {
        id: "e2",
        codes: v2,
        answers: { protective: "ABSENT", anger: "PRESENT", substances: "PRESENT", self_harm: "PRESENT" },
      },
      {
        id: "e3",
        codes: v2,
        answers: { protective: "ABSENT", anger: "ABSENT", substances: "PRESENT", self_harm: "ABSENT" },
      },
    ]);
    expect(rows.map((r) => r.item.code)).toEqual(["anger", "self_harm", "substances", "protective"]);
    expect(rows.map((r) => r.cells.map((c) => c.change))).toEqual([
      [null, "APPEARED", "DISAPPEARED"],
      [null, "NEW_ITEM", "DISAPPEARED"],
      [null, "NOW_KNOWN", null],
      [null, "DISAPPEARED", null],
    ]);
    expect(rows[1].cells[0].value).toBe("NOT_ASKED");
    expect(counts[1]).toEqual({ APPEARED: 1, DISAPPEARED: 1, NOW_KNOWN: 1, NOW_UNKNOWN: 0, NEW_ITEM: 1 });
    expect(counts[2]).toEqual({ APPEARED: 0, DISAPPEARED: 2, NOW_KNOWN: 0, NOW_UNKNOWN: 0, NEW_ITEM: 0 });
  });

  it("leaves out items the viewer cannot read on any evaluation, and marks the ones hidden on some", () => {
    const { rows } = compareEvaluations(items, [
      { id: "e1", codes: v2, answers: { anger: "ABSENT" } },
      { id: "e2", codes: v2, answers: { anger: "PRESENT", substances: "PRESENT" } },
    ]);
    expect(rows.map((r) => r.item.code)).toEqual(["anger", "substances"]);
    expect(rows[1].cells).toEqual([
      { value: "HIDDEN", change: null },
      { value: "PRESENT", change: null },
    ]);
  });
});
