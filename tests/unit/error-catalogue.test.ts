import { describe, expect, it } from "vitest";
import { loadErrorCatalogue, loadedErrorText } from "../../components/forms/error-catalogue";

// Form error texts are fetched with the form's schema instead of coming with every page: until
// the catalogue of the reader's language is loaded there is no text, then the key's own.
describe("form error catalogue", () => {
  it("has a key's text only once the language's catalogue is loaded", async () => {
    expect(loadedErrorText("es", "case.noteRequired")).toBeUndefined();
    await loadErrorCatalogue("es");
    expect(loadedErrorText("es", "case.noteRequired")).toBe("Escriba la nota.");
    expect(loadedErrorText("es", "visit.outcomeRequired")).toBe("Elija qué pasó en la visita.");
    // Another language is another catalogue.
    expect(loadedErrorText("en", "case.noteRequired")).toBeUndefined();
    await loadErrorCatalogue("en");
    expect(loadedErrorText("en", "case.noteRequired")).not.toBe("Escriba la nota.");
    expect(loadedErrorText("en", "case.noteRequired")).toMatch(/note/i);
  });

  it("answers nothing for a text that is not a key (a server's rendered message passes through)", async () => {
    await loadErrorCatalogue("es");
    expect(loadedErrorText("es", "El caso cambió mientras lo editaba.")).toBeUndefined();
    expect(loadedErrorText("es", "case.noSuchKey")).toBeUndefined();
  });
});
