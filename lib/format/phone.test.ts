import { describe, expect, it } from "vitest";
import { dialable, whatsappHref } from "./phone";

describe("[CONTACT] phone links", () => {
  it("dials the digits of a number however it was written", () => {
    expect(dialable("987 654 321")).toBe("987654321");
    expect(dialable(" +51 987-654-321 ")).toBe("+51987654321");
    expect(dialable("(044) 23-4567")).toBe("044234567");
  });

  it("offers WhatsApp for a Peruvian mobile, with or without the country code, never for a landline", () => {
    expect(whatsappHref("987 654 321")).toBe("https://wa.me/51987654321");
    expect(whatsappHref("+51 987-654-321")).toBe("https://wa.me/51987654321");
    expect(whatsappHref("51987654321")).toBe("https://wa.me/51987654321");
    expect(whatsappHref("(044) 23-4567")).toBeNull();
    expect(whatsappHref("87654321")).toBeNull();
    expect(whatsappHref("")).toBeNull();
  });
});
