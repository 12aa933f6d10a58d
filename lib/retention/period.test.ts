import { describe, expect, it } from "vitest";
import { limaDayStart, retentionCutoff } from "./period";

describe("[RETENTION] the cut-off day of a retention period", () => {
  it("is the same calendar day, `years` years earlier", () => {
    expect(retentionCutoff(5, "2026-12-01")).toBe("2021-12-01");
    expect(retentionCutoff(1, "2026-01-31")).toBe("2025-01-31");
  });

  it("turns 29 February into 28 February in a year without it", () => {
    expect(retentionCutoff(1, "2028-02-29")).toBe("2027-02-28");
    expect(retentionCutoff(4, "2028-02-29")).toBe("2024-02-29");
  });

  it("starts the day at midnight in Lima (UTC-5)", () => {
    expect(limaDayStart("2021-12-01").toISOString()).toBe("2021-12-01T05:00:00.000Z");
  });
});
