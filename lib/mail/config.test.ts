import { describe, expect, it } from "vitest";
import { isMailEnabled, readMailConfig } from "./config";

describe("[MAIL] configuration from the environment", () => {
  it("is off by default", () => {
    expect(isMailEnabled({})).toBe(false);
    expect(readMailConfig({ MAIL_FROM: "a@b.pe", SMTP_PORT: "25" })).toBeNull();
  });

  it("takes SMTP_URL as it is", () => {
    expect(
      readMailConfig({
        SMTP_URL: "smtps://u:p@mail.example.pe:465",
        MAIL_FROM: "Permanencia <no-responder@example.pe>",
        NEXTAUTH_URL: "https://permanencia.example.pe/",
      }),
    ).toEqual({
      transport: "smtps://u:p@mail.example.pe:465",
      from: "Permanencia <no-responder@example.pe>",
      appUrl: "https://permanencia.example.pe",
    });
  });

  it("builds SMTP options from host, port, user and password (implicit TLS on 465)", () => {
    expect(readMailConfig({ SMTP_HOST: "mail.example.pe", MAIL_FROM: "x@example.pe" })).toEqual({
      transport: { host: "mail.example.pe", port: 587, secure: false },
      from: "x@example.pe",
      appUrl: "http://localhost:3000",
    });
    expect(
      readMailConfig({
        SMTP_HOST: "mail.example.pe",
        SMTP_PORT: "465",
        SMTP_USER: "permanencia",
        SMTP_PASS: "secreto",
        MAIL_FROM: "x@example.pe",
      })?.transport,
    ).toEqual({ host: "mail.example.pe", port: 465, secure: true, auth: { user: "permanencia", pass: "secreto" } });
  });

  it("refuses an incomplete configuration instead of guessing", () => {
    expect(() => readMailConfig({ SMTP_HOST: "mail.example.pe" })).toThrow(/MAIL_FROM/);
    expect(() => readMailConfig({ SMTP_URL: "http://mail", MAIL_FROM: "x@example.pe" })).toThrow(/smtp:\/\//);
    expect(() => readMailConfig({ SMTP_HOST: "h", SMTP_PORT: "70000", MAIL_FROM: "x@example.pe" })).toThrow(
      /SMTP_PORT/,
    );
  });
});
