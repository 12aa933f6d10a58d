import type SMTPTransport from "nodemailer/lib/smtp-transport";

// Email is off unless an SMTP server is configured. Read from the environment at each use, so
// a process picks up what it was started with and tests can switch it on and off.
//   SMTP_URL                      smtp://user:pass@host:587 or smtps://user:pass@host:465
//   SMTP_HOST, SMTP_PORT (587), SMTP_USER, SMTP_PASS, SMTP_SECURE (true for port 465)
//   MAIL_FROM                     e.g. "Permanencia <no-responder@ugel.gob.pe>" (required when on)
//   NEXTAUTH_URL                  the public URL the email links to
// See README.md (Environment variables) and docs/decisions/014.

type Env = Record<string, string | undefined>;

export type MailConfig = {
  /** What nodemailer.createTransport receives: a connection URL or SMTP options. */
  transport: string | SMTPTransport.Options;
  from: string;
  /** Public base URL of the app, without a trailing slash. */
  appUrl: string;
};

/** Whether notifications should also go out by email (an SMTP server is configured). */
export function isMailEnabled(env: Env = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim() || env.SMTP_HOST?.trim());
}

/** The mail settings, or null when email is off. Throws when it is on but incomplete. */
export function readMailConfig(env: Env = process.env): MailConfig | null {
  if (!isMailEnabled(env)) return null;
  const from = env.MAIL_FROM?.trim();
  if (!from) throw new Error("SMTP está configurado pero falta MAIL_FROM (remitente de los correos).");
  const appUrl = (env.NEXTAUTH_URL?.trim() || "http://localhost:3000").replace(/\/+$/, "");
  const url = env.SMTP_URL?.trim();
  if (url) {
    if (!/^smtps?:\/\//.test(url)) throw new Error("SMTP_URL debe empezar por smtp:// o smtps://.");
    return { transport: url, from, appUrl };
  }
  const port = env.SMTP_PORT?.trim() ? Number(env.SMTP_PORT) : 587;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error("SMTP_PORT no es un puerto válido.");
  const secure = env.SMTP_SECURE ? env.SMTP_SECURE === "true" : port === 465;
  const user = env.SMTP_USER?.trim();
  return {
    transport: {
      host: env.SMTP_HOST!.trim(),
      port,
      secure,
      ...(user ? { auth: { user, pass: env.SMTP_PASS ?? "" } } : {}),
    },
    from,
    appUrl,
  };
}
