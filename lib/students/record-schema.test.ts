import { describe, expect, it } from "vitest";
import { renderText } from "../errors/render";
import { contactFreshness, ZStudentRecordSchema } from "./record-schema";

describe("contact freshness", () => {
  it("is unverified without a date, stale past 12 months, fresh otherwise", () => {
    expect(contactFreshness(null, "2026-11-26")).toBe("unverified");
    expect(contactFreshness(new Date("2025-11-26T00:00:00Z"), "2026-11-26")).toBe("fresh");
    expect(contactFreshness(new Date("2025-11-25T00:00:00Z"), "2026-11-26")).toBe("stale");
  });
});

describe("student record by hand", () => {
  const base = {
    documentType: "DNI",
    documentNumber: "71234567",
    paternalSurname: "Rojas",
    givenNames: "Ana",
    sex: "F",
    grade: "3",
    section: "b",
  };

  it("keeps the import schema's rules and messages", () => {
    const result = ZStudentRecordSchema.safeParse({ ...base, documentNumber: "123" });
    expect(result.error?.issues.map((i) => [i.path[0], renderText("es", i.message)])).toEqual([
      ["documentNumber", "El DNI debe tener 8 dígitos."],
    ]);
  });

  it("accepts blank verification dates and refuses future ones", () => {
    expect(ZStudentRecordSchema.parse({ ...base, phoneVerifiedAt: "" }).phoneVerifiedAt).toBeNull();
    const future = ZStudentRecordSchema.safeParse({ ...base, phoneVerifiedAt: "2999-01-01" });
    expect(future.error?.issues[0].path).toEqual(["phoneVerifiedAt"]);
    expect(renderText("es", future.error!.issues[0].message)).toBe(
      "La fecha de verificación del teléfono no puede ser futura.",
    );
  });
});
