import { describe, expect, it } from "vitest";
import { actionInput, formDataToObject } from "./form-data";

describe("form posted before hydration", () => {
  it("becomes the object a hydrated form would send", () => {
    const data = new FormData();
    data.append("caseId", "c-1");
    data.append("version", "4");
    data.append("body", "Nota");
    data.append("$ACTION_ID_abc123", "");
    data.append("$ACTION_REF_1", "");
    expect(formDataToObject(data)).toEqual({ caseId: "c-1", version: "4", body: "Nota" });
  });

  it("turns a repeated name into a list and keeps files", () => {
    const data = new FormData();
    data.append("sections", "A");
    data.append("sections", "B");
    const file = new File(["x"], "padron.csv");
    data.append("file", file);
    const object = formDataToObject(data);
    expect(object.sections).toEqual(["A", "B"]);
    expect(object.file).toBeInstanceOf(File);
  });

  it("passes a plain object through untouched", () => {
    const input = { marks: [{ studentId: "s", status: "LATE" }] };
    expect(actionInput(input)).toBe(input);
    const data = new FormData();
    data.append("locale", "en");
    expect(actionInput(data)).toEqual({ locale: "en" });
  });
});
