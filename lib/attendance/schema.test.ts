import { describe, expect, it } from "vitest";
import { renderText } from "../errors/render";
import { todayInLima } from "../format/date";
import {
  countMarks,
  nextAttendanceStatus,
  type AttendanceMark,
  parseSectionKey,
  sectionKey,
  ZSaveAttendanceSchema,
} from "./schema";

const SCHOOL = "3f1c2b9a-1d2e-4f5a-8b6c-7d8e9f0a1b2c";

describe("attendance tap cycle", () => {
  it("goes present → unjustified → justified → late → present", () => {
    const seen: AttendanceMark[] = ["PRESENT"];
    for (let i = 0; i < 4; i++) seen.push(nextAttendanceStatus(seen[seen.length - 1]));
    expect(seen).toEqual(["PRESENT", "UNJUSTIFIED", "JUSTIFIED", "LATE", "PRESENT"]);
  });

  it("counts marks per status", () => {
    expect(countMarks(["PRESENT", "LATE", "PRESENT", "UNJUSTIFIED"])).toEqual({
      PRESENT: 2,
      UNJUSTIFIED: 1,
      JUSTIFIED: 0,
      LATE: 1,
    });
  });
});

describe("section keys in the URL", () => {
  it("round-trip, including a section name with a colon", () => {
    const ref = { schoolId: SCHOOL, grade: 4, section: "A:1" };
    expect(parseSectionKey(sectionKey(ref))).toEqual(ref);
  });

  it("reject malformed keys", () => {
    for (const key of [undefined, "", "x", `${SCHOOL}:9:A`, `not-a-uuid:2:A`, `${SCHOOL}:2:`])
      expect(parseSectionKey(key)).toBeNull();
  });
});

describe("save attendance input", () => {
  it("refuses a future day with a message in the reader's language", () => {
    const tomorrow = new Date(Date.parse(`${todayInLima()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const result = ZSaveAttendanceSchema.safeParse({
      schoolId: SCHOOL,
      grade: 2,
      section: "A",
      date: tomorrow,
      marks: [],
    });
    expect(result.success).toBe(false);
    expect(renderText("es", result.error!.issues[0].message)).toBe(
      "No se puede registrar asistencia de una fecha futura.",
    );
    expect(renderText("en", result.error!.issues[0].message)).toBe("Attendance cannot be recorded for a future date.");
  });

  it("refuses an impossible date and an unknown status", () => {
    expect(
      ZSaveAttendanceSchema.safeParse({ schoolId: SCHOOL, grade: 2, section: "A", date: "2026-02-30", marks: [] })
        .success,
    ).toBe(false);
    const bad = ZSaveAttendanceSchema.safeParse({
      schoolId: SCHOOL,
      grade: 2,
      section: "A",
      date: "2026-03-02",
      marks: [{ studentId: SCHOOL, status: "AUSENTE" }],
    });
    expect(renderText("es", bad.error!.issues[0].message)).toBe("Estado de asistencia inválido.");
  });
});
