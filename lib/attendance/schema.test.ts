import { describe, expect, it } from "vitest";
import { renderText } from "../errors/render";
import { todayInLima } from "../format/date";
import { countMarks, parseSectionKey, sectionKey, ZSaveAttendanceSchema } from "./schema";

const SCHOOL = "3f1c2b9a-1d2e-4f5a-8b6c-7d8e9f0a1b2c";

describe("attendance marks", () => {
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

describe("a sheet posted before hydration", () => {
  const A = "9a1c2b9a-1d2e-4f5a-8b6c-7d8e9f0a1b2c";
  const B = "8b1c2b9a-1d2e-4f5a-8b6c-7d8e9f0a1b2c";
  it("saves the radio choices the tutor tapped rather than the marks the page was rendered with", () => {
    const posted = {
      schoolId: SCHOOL,
      grade: "2",
      section: "A",
      date: "2026-03-02",
      marks: JSON.stringify([
        { studentId: A, status: "PRESENT" },
        { studentId: B, status: "PRESENT" },
      ]),
      [`status.${A}`]: "LATE",
      [`status.${B}`]: "PRESENT",
      confirmNonSchoolDay: "true",
    };
    const parsed = ZSaveAttendanceSchema.parse(posted);
    expect(parsed.marks).toEqual([
      { studentId: A, status: "LATE" },
      { studentId: B, status: "PRESENT" },
    ]);
    expect(parsed.confirmNonSchoolDay).toBe(true);
    expect(parsed).not.toHaveProperty(`status.${A}`);
  });

  it("a hydrated save without the flag is not a confirmation", () => {
    const parsed = ZSaveAttendanceSchema.parse({
      schoolId: SCHOOL,
      grade: 2,
      section: "A",
      date: "2026-03-02",
      marks: [],
    });
    expect(parsed.confirmNonSchoolDay).toBe(false);
  });
});
