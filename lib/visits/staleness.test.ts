import { describe, expect, it } from "vitest";
import { isContactStale, monthsBefore } from "./staleness";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("[VISITS] stale contacts (older than six months, or never verified)", () => {
  it("counts calendar months, clamping to the end of shorter months", () => {
    expect(monthsBefore("2026-11-29", 6)).toBe("2026-05-29");
    expect(monthsBefore("2026-08-31", 6)).toBe("2026-02-28");
    expect(monthsBefore("2026-03-15", 6)).toBe("2025-09-15");
    expect(monthsBefore("2026-11-30", -3)).toBe("2027-02-28");
  });

  it("a contact never verified is stale", () => {
    expect(isContactStale(null, "2026-11-29")).toBe(true);
    expect(isContactStale(undefined, "2026-11-29")).toBe(true);
  });

  it("exactly six months old is still fresh; one day more is stale", () => {
    expect(isContactStale(day("2026-05-29"), "2026-11-29")).toBe(false);
    expect(isContactStale(day("2026-05-28"), "2026-11-29")).toBe(true);
    expect(isContactStale(day("2026-11-29"), "2026-11-29")).toBe(false);
    expect(isContactStale(day("2024-01-10"), "2026-11-29")).toBe(true);
  });
});
