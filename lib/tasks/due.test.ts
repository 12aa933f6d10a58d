import { describe, expect, it } from "vitest";
import { endOfLimaDay, limaDateTime } from "./due";

describe("[TASKS] same-day deadlines in Lima", () => {
  it("ends the Lima day, not the UTC one", () => {
    // 03:00 UTC on the 30th is still the 29th in Lima.
    expect(endOfLimaDay(new Date("2026-11-30T03:00:00Z")).toISOString()).toBe("2026-11-30T04:59:59.999Z");
    expect(endOfLimaDay(new Date("2026-11-30T05:00:00Z")).toISOString()).toBe("2026-12-01T04:59:59.999Z");
  });

  it("reads a typed date-time as Lima time and refuses impossible dates", () => {
    expect(limaDateTime("2026-11-29T10:30")?.toISOString()).toBe("2026-11-29T15:30:00.000Z");
    expect(limaDateTime("2026-02-31T10:30")).toBeNull();
    expect(limaDateTime("29/11/2026 10:30")).toBeNull();
  });
});
