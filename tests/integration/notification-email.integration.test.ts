import nodemailer from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { QUEUES } from "../../lib/jobs/queues";
import { runJobsOnce } from "../../lib/jobs/run-once";
import { notifyUsers } from "../../lib/notifications/notify";
import { sendNotificationEmails, type Mailer } from "../../lib/notifications/send-email";
import { openScenario, type Scenario } from "../fixtures/scenario";
import type { TestDatabase } from "../helpers/test-database";

// Email is off by default. Switched on (SMTP configured), the transaction that notifies also
// queues a `notifications.email` job; the email goes out after the commit, a failed send is
// retried without losing the in-app notification, and the message names nobody and nothing.

let t: TestDatabase;
let s: Scenario;
const MAIL_ENV = [
  "SMTP_URL",
  "SMTP_HOST",
  "SMTP_PORT",
  "SMTP_USER",
  "SMTP_PASS",
  "SMTP_SECURE",
  "MAIL_FROM",
  "NEXTAUTH_URL",
];
const saved = Object.fromEntries(MAIL_ENV.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  ({ t, s } = await openScenario());
});
afterEach(() => {
  for (const k of MAIL_ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});
afterAll(async () => {
  await t.drop();
});

/** SMTP "configured" at a local port where nothing listens: every real send is refused. */
function mailOnButUnreachable() {
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = "1";
  process.env.MAIL_FROM = "Permanencia <no-responder@permanencia.example.pe>";
  process.env.NEXTAUTH_URL = "https://permanencia.example.pe";
}

const emailJobs = () =>
  t.db.$queryRaw<{ id: string; state: string; data: { notificationIds: string[] } }[]>`
    SELECT id::text, state::text, data FROM pgboss.job WHERE name = ${QUEUES.notificationEmail} ORDER BY created_on`;

/** nodemailer's JSON transport, keeping each message it "sent". */
function jsonMailer(): Mailer & { sent: Record<string, unknown>[] } {
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const sent: Record<string, unknown>[] = [];
  const send = transport.sendMail.bind(transport);
  transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
    const info = await send(mail);
    sent.push(JSON.parse((info as unknown as { message: string }).message));
    return info;
  }) as typeof transport.sendMail;
  return { transport, from: "Permanencia <no-responder@permanencia.example.pe>", appUrl: "https://p.example.pe", sent };
}

const notify = (userIds: string[]) =>
  t.db.$transaction((tx) =>
    notifyUsers(tx, { userIds, kind: "REFERRAL_ACCEPTED", referralId: s.referrals.demunaA.id }),
  );

describe("[EMAIL] notification emails", () => {
  it("off by default: notifying queues no email", async () => {
    for (const k of MAIL_ENV) delete process.env[k];
    expect(await notify([s.users.socialWorker.id])).toBe(1);
    expect(await emailJobs()).toEqual([]);
  });

  it("on: the notifying transaction queues the email job; a rolled-back one queues nothing", async () => {
    mailOnButUnreachable();
    await expect(
      t.db.$transaction(async (tx) => {
        await notifyUsers(tx, { userIds: [s.users.psychologist.id], kind: "REFERRAL_ACCEPTED" });
        throw new Error("the transition failed");
      }),
    ).rejects.toThrow("the transition failed");
    expect(await emailJobs()).toEqual([]);

    expect(await notify([s.users.socialWorker.id, s.users.psychologist.id])).toBe(2);
    const [job] = await emailJobs();
    const ids = await t.db.notification.findMany({
      where: { kind: "REFERRAL_ACCEPTED", userId: { in: [s.users.socialWorker.id, s.users.psychologist.id] } },
      orderBy: { createdAt: "desc" },
      take: 2,
      select: { id: true },
    });
    expect([...job.data.notificationIds].sort()).toEqual(ids.map((n) => n.id).sort());
  });

  it("a refused SMTP connection fails the job for a retry; the in-app notifications stay unsent and unread", async () => {
    mailOnButUnreachable();
    const summary = await runJobsOnce();
    expect(summary.queues[QUEUES.notificationEmail]).toEqual({ completed: 0, failed: 1 });
    const [job] = await emailJobs();
    expect(job.state).toBe("retry");
    const rows = await t.db.notification.findMany({ where: { id: { in: job.data.notificationIds } } });
    expect(rows).toHaveLength(2);
    expect(rows.every((n) => n.emailedAt === null && n.readAt === null)).toBe(true);
  });

  it("sends one short email per notification that names no student, school or agency, then never again", async () => {
    const [job] = await emailJobs();
    const mailer = jsonMailer();
    const summary = await runJobsOnce({
      handlers: { [QUEUES.notificationEmail]: (data) => sendNotificationEmails(t.db, data as never, mailer) },
    });
    expect(summary.queues[QUEUES.notificationEmail]).toEqual({ completed: 1, failed: 0 });
    expect(mailer.sent.map((m) => (m.to as { address: string }[])[0].address).sort()).toEqual(
      [s.users.psychologist.email, s.users.socialWorker.email].sort(),
    );
    for (const m of mailer.sent) {
      expect(m).toMatchObject({ subject: "Permanencia: tiene un aviso nuevo" });
      const text = String(m.text);
      expect(text).toContain("https://p.example.pe/notifications");
      for (const secret of ["Quispe", "Ana", "IE Escenario", "DEMUNA", "Derivación de prueba", "70000001"]) {
        expect(text).not.toContain(secret);
      }
    }
    const rows = await t.db.notification.findMany({ where: { id: { in: job.data.notificationIds } } });
    expect(rows.every((n) => n.emailedAt !== null)).toBe(true);

    // A retry of the same job (at-least-once delivery) sends nothing twice.
    expect(await sendNotificationEmails(t.db, job.data, mailer)).toEqual({ sent: 0, skipped: 2 });
    expect(mailer.sent).toHaveLength(2);
  });

  it("writes in the recipient's language and skips deactivated users", async () => {
    await t.db.user.update({ where: { id: s.users.cem.id }, data: { locale: "en" } });
    await t.db.user.update({ where: { id: s.users.bapes.id }, data: { active: false } });
    const rows = await t.db.$transaction(async (tx) => {
      await notifyUsers(tx, { userIds: [s.users.cem.id, s.users.bapes.id], kind: "REFERRAL_RECEIVED" });
      return tx.notification.findMany({
        where: { userId: { in: [s.users.cem.id, s.users.bapes.id] } },
        select: { id: true },
      });
    });
    const mailer = jsonMailer();
    expect(await sendNotificationEmails(t.db, { notificationIds: rows.map((r) => r.id) }, mailer)).toEqual({
      sent: 1,
      skipped: 1,
    });
    expect(mailer.sent[0]).toMatchObject({ subject: "Permanencia: you have a new notice" });
    expect(String(mailer.sent[0].text)).toContain("Hello Usuario cem,");
  });

  it("a job queued while email was on completes without sending once it is switched off", async () => {
    mailOnButUnreachable();
    expect(await notify([s.users.educator.id])).toBe(1);
    for (const k of MAIL_ENV) delete process.env[k];
    const summary = await runJobsOnce();
    expect(summary.queues[QUEUES.notificationEmail]).toEqual({ completed: 1, failed: 0 });
    const [last] = await t.db.$queryRaw<{ output: unknown }[]>`
      SELECT output FROM pgboss.job WHERE name = ${QUEUES.notificationEmail} ORDER BY created_on DESC LIMIT 1`;
    expect(last.output).toEqual({ sent: 0, skipped: 1 });
  });
});
