import { describe, expect, it } from "vitest";
import { ZRecordContactAttemptSchema, ZRecordVisitOutcomeSchema, ZScheduleVisitSchema } from "./schema";

const id = "6f1c2a8e-1d2b-4c3d-8e4f-5a6b7c8d9e0f";
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => String(i.path[0]));

describe("[VISITS] input schemas", () => {
  it("schedule: accepts dd/mm/aaaa or YYYY-MM-DD, refuses impossible days and an empty purpose", () => {
    const base = { caseId: id, timeWindow: "MORNING", assigneeId: id, purpose: "  Ubicar   a la familia " };
    const a = ZScheduleVisitSchema.parse({ ...base, scheduledFor: "02/12/2026" });
    expect(a.scheduledFor).toBe("2026-12-02");
    expect(a.purpose).toBe("Ubicar a la familia");
    expect(ZScheduleVisitSchema.parse({ ...base, scheduledFor: "2026-12-02" }).scheduledFor).toBe("2026-12-02");
    expect(issues(ZScheduleVisitSchema.safeParse({ ...base, scheduledFor: "2026-02-30" }))).toEqual(["scheduledFor"]);
    expect(issues(ZScheduleVisitSchema.safeParse({ ...base, scheduledFor: "31/11/2026" }))).toEqual(["scheduledFor"]);
    expect(issues(ZScheduleVisitSchema.safeParse({ ...base, scheduledFor: "2026-12-02", purpose: "  " }))).toEqual([
      "purpose",
    ]);
    expect(
      issues(ZScheduleVisitSchema.safeParse({ ...base, scheduledFor: "2026-12-02", timeWindow: "NIGHT" })),
    ).toEqual(["timeWindow"]);
  });

  it("outcome: who was met is required for a contact and dropped otherwise", () => {
    expect(issues(ZRecordVisitOutcomeSchema.safeParse({ visitId: id, outcome: "CONTACTED" }))).toEqual(["metWith"]);
    const v = ZRecordVisitOutcomeSchema.parse({ visitId: id, outcome: "NOBODY_HOME", metWith: "Vecina" });
    expect(v).toMatchObject({ metWith: null, addressAction: "NONE", newStreet: null, notes: null });
  });

  it("outcome: a correction needs street and district; a wrong address cannot be confirmed", () => {
    expect(
      issues(ZRecordVisitOutcomeSchema.safeParse({ visitId: id, outcome: "MOVED", addressAction: "CORRECTED" })),
    ).toEqual(["newStreet", "newDistrict"]);
    expect(
      issues(
        ZRecordVisitOutcomeSchema.safeParse({ visitId: id, outcome: "ADDRESS_NOT_FOUND", addressAction: "CONFIRMED" }),
      ),
    ).toEqual(["addressAction"]);
    const c = ZRecordVisitOutcomeSchema.parse({
      visitId: id,
      outcome: "CONTACTED",
      metWith: "Madre",
      addressAction: "CORRECTED",
      newStreet: " Mz. B  Lt. 4 ",
      newReference: "",
      newDistrict: "San Juan de Lurigancho",
    });
    expect(c).toMatchObject({ newStreet: "Mz. B Lt. 4", newReference: null, newDistrict: "San Juan de Lurigancho" });
  });

  it("a datetime-local value is read as Lima time", () => {
    const a = ZRecordContactAttemptSchema.parse({
      caseId: id,
      channel: "NEIGHBOUR",
      outcome: "REACHED",
      attemptedAt: "2026-11-27T10:30",
    });
    expect(a.attemptedAt?.toISOString()).toBe("2026-11-27T15:30:00.000Z");
    expect(
      ZRecordContactAttemptSchema.parse({ caseId: id, channel: "OTHER_FAMILY", outcome: "NO_ANSWER" }).attemptedAt,
    ).toBeUndefined();
  });
});
