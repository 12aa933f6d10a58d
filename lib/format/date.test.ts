import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatTime } from "./date";

describe("[FORMAT] dates", () => {
  it("writes an instant in Lima time, midnight as 00:00", () => {
    // 05:00 UTC is midnight in Lima (UTC-5).
    expect(formatDateTime(new Date("2026-12-05T05:00:00.000Z"))).toBe("05/12/2026 00:00");
    expect(formatDateTime(new Date("2026-12-05T18:30:00.000Z"))).toBe("05/12/2026 13:30");
    expect(formatTime(new Date("2026-12-05T05:00:00.000Z"))).toBe("00:00");
    expect(formatTime(new Date("2026-12-05T20:02:00.000Z"))).toBe("15:02");
  });

  it("writes a calendar day as stored, not shifted to the previous day", () => {
    expect(formatDay(new Date("2026-12-05T00:00:00.000Z"))).toBe("05/12/2026");
  });
});
