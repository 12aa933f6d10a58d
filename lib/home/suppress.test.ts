import { describe, expect, it } from "vitest";
import { suppressSmallCount } from "./suppress";

describe("[HOME] small-count suppression", () => {
  it("hides every count under 5, zero included", () => {
    expect([0, 1, 4].map(suppressSmallCount)).toEqual(["suppressed", "suppressed", "suppressed"]);
  });

  it("shows counts of 5 and more as they are", () => {
    expect([5, 6, 2356].map(suppressSmallCount)).toEqual([5, 6, 2356]);
  });
});
