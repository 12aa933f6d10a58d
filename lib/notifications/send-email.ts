import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { toLocale } from "../../messages/locales";
import type { Db } from "../db";
import { readMailConfig, type MailConfig } from "../mail/config";
import { notificationEmail } from "./email-message";

// The `notifications.email` job: one short email per new notification, to its (active) user.
// Runs after the notifying transaction committed. A send that fails throws, so pg-boss retries
// the job; notifications already emailed by an earlier attempt are skipped (emailedAt), and the
// in-app notification exists whatever happens here.

export type Mailer = { transport: Transporter; from: string; appUrl: string };
export type EmailRunSummary = { sent: number; skipped: number };

let cached: { key: string; mailer: Mailer } | undefined;

/** The mailer the environment configures, or null when email is off. */
export function mailerFromEnv(): Mailer | null {
  const config = readMailConfig();
  if (!config) return null;
  const key = JSON.stringify(config);
  if (cached?.key !== key) cached = { key, mailer: createMailer(config) };
  return cached.mailer;
}

export function createMailer(config: MailConfig): Mailer {
  return { transport: nodemailer.createTransport(config.transport), from: config.from, appUrl: config.appUrl };
}

export async function sendNotificationEmails(
  db: Db,
  input: { notificationIds: string[] },
  mailer: Mailer | null = mailerFromEnv(),
): Promise<EmailRunSummary> {
  // Email switched off after the job was queued: nothing to send, nothing to retry.
  if (!mailer) return { sent: 0, skipped: input.notificationIds.length };
  const rows = await db.notification.findMany({
    where: { id: { in: input.notificationIds }, emailedAt: null, user: { active: true } },
    select: { id: true, user: { select: { email: true, name: true, locale: true } } },
    orderBy: { id: "asc" },
  });
  let sent = 0;
  for (const row of rows) {
    const message = notificationEmail(toLocale(row.user.locale), row.user.name, mailer.appUrl);
    await mailer.transport.sendMail({ from: mailer.from, to: row.user.email, ...message });
    await db.notification.update({ where: { id: row.id }, data: { emailedAt: new Date() } });
    sent++;
  }
  return { sent, skipped: input.notificationIds.length - sent };
}
