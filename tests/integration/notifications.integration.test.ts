import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { AppError } from "../../lib/errors/app-error";
import { markAllNotificationsRead, markNotificationRead } from "../../lib/notifications/mark-read";
import { notifyUsers, referralAudience, referralDedupeKey } from "../../lib/notifications/notify";
import { countUnreadNotifications, listNotifications } from "../../lib/notifications/queries";
import { openScenario, type Scenario } from "../fixtures/scenario";
import type { TestDatabase } from "../helpers/test-database";

// In-app notifications: a repeated notify with the same key inserts once, the audience of a
// referral is exactly the people the contract names (active, in scope), and a user's list,
// count and "mark as read" never reach another user's notifications.

let t: TestDatabase;
let s: Scenario;

beforeAll(async () => {
  ({ t, s } = await openScenario());
});
afterAll(async () => {
  await t.drop();
});

const rowsOf = (userId: string) =>
  t.db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { id: true, readAt: true } });

async function makeUser(data: {
  key: string;
  role: SessionUser["role"];
  schoolIds?: string[];
  agencyId?: string;
  active?: boolean;
}) {
  const u = await t.db.user.create({
    data: {
      email: `${data.key}@notificaciones.pe`,
      name: data.key,
      passwordHash: "x",
      role: data.role,
      active: data.active ?? true,
      agencyId: data.agencyId ?? null,
      schools: { create: (data.schoolIds ?? []).map((schoolId) => ({ schoolId })) },
    },
    select: { id: true },
  });
  return u.id;
}

describe("[NOTIFICATIONS] notifyUsers", () => {
  it("the same dedupeKey twice inserts once per user; without a key every call inserts", async () => {
    const referralId = s.referrals.cemB.id;
    const users = [s.users.psychologist.id, s.users.socialWorker.id];
    const key = referralDedupeKey(referralId, "REFERRAL_OVERDUE");
    const first = await t.db.$transaction((tx) =>
      notifyUsers(tx, { userIds: [...users, users[0]], kind: "REFERRAL_OVERDUE", referralId, dedupeKey: key }),
    );
    const second = await t.db.$transaction((tx) =>
      notifyUsers(tx, { userIds: users, kind: "REFERRAL_OVERDUE", referralId, dedupeKey: key }),
    );
    expect([first, second]).toEqual([2, 0]);
    expect(await t.db.notification.count({ where: { dedupeKey: key } })).toBe(2);

    // The case and school come from the referral when the caller does not name them.
    const row = await t.db.notification.findFirstOrThrow({ where: { dedupeKey: key, userId: users[0] } });
    expect(row).toMatchObject({
      caseId: s.cases.b.id,
      schoolId: s.schools.b.id,
      kind: "REFERRAL_OVERDUE",
      readAt: null,
    });

    const plain = () =>
      t.db.$transaction((tx) => notifyUsers(tx, { userIds: [s.users.cem.id], kind: "REFERRAL_RECEIVED", referralId }));
    expect([await plain(), await plain()]).toEqual([1, 1]);
  });

  it("a rolled-back transaction leaves no notification", async () => {
    const before = await t.db.notification.count();
    await expect(
      t.db.$transaction(async (tx) => {
        await notifyUsers(tx, {
          userIds: [s.users.demuna.id],
          kind: "REFERRAL_RECEIVED",
          referralId: s.referrals.demunaA.id,
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.db.notification.count()).toBe(before);
  });
});

describe("[NOTIFICATIONS] referralAudience", () => {
  let otherCoordinator: string;
  let inactiveCoordinator: string;
  let inactiveDemuna: string;
  let secondDemuna: string;
  let inactiveAssignee: string;

  beforeAll(async () => {
    otherCoordinator = await makeUser({ key: "coord-b", role: "COORDINATOR", schoolIds: [s.schools.b.id] });
    inactiveCoordinator = await makeUser({
      key: "coord-off",
      role: "COORDINATOR",
      schoolIds: [s.schools.a.id],
      active: false,
    });
    secondDemuna = await makeUser({ key: "demuna-2", role: "AGENCY_STAFF", agencyId: s.agencies.demuna.id });
    inactiveDemuna = await makeUser({
      key: "demuna-off",
      role: "AGENCY_STAFF",
      agencyId: s.agencies.demuna.id,
      active: false,
    });
    // The scenario's inactive psychologist, assigned to case a: deactivated people hear nothing.
    inactiveAssignee = s.users.inactive.id;
    await t.db.caseAssignment.create({
      data: { caseId: s.cases.a.id, schoolId: s.schools.a.id, userId: inactiveAssignee },
    });
  });

  const audience = (referralId: string, who: "caseTeam" | "agency" | "coordinators") =>
    t.db.$transaction((tx) => referralAudience(tx, referralId, who));

  it("caseTeam: the case's active assigned team plus the sender", async () => {
    const team = await audience(s.referrals.demunaA.id, "caseTeam");
    expect(team).toEqual([s.users.psychologist.id, s.users.socialWorker.id].sort());
    expect(team).not.toContain(inactiveAssignee);
    expect(team).not.toContain(s.users.educator.id);
  });

  it("agency: the active staff of the receiving agency only, and nobody once the agency is deactivated", async () => {
    expect(await audience(s.referrals.demunaA.id, "agency")).toEqual([s.users.demuna.id, secondDemuna].sort());
    expect(await audience(s.referrals.demunaA.id, "agency")).not.toContain(inactiveDemuna);
    expect(await audience(s.referrals.cemB.id, "agency")).toEqual([s.users.cem.id]);
    await t.db.agency.update({ where: { id: s.agencies.cem.id }, data: { active: false } });
    try {
      expect(await audience(s.referrals.cemB.id, "agency")).toEqual([]);
    } finally {
      await t.db.agency.update({ where: { id: s.agencies.cem.id }, data: { active: true } });
    }
  });

  it("coordinators: active coordinators whose schools include the referral's school; a coordinator of other schools is not notified", async () => {
    const forA = await audience(s.referrals.demunaA.id, "coordinators");
    expect(forA).toEqual([s.users.coordinator.id]);
    expect(forA).not.toContain(otherCoordinator);
    expect(forA).not.toContain(inactiveCoordinator);
    expect(forA).not.toContain(s.users.directorA.id);
    expect(await audience(s.referrals.cemB.id, "coordinators")).toEqual(
      [s.users.coordinator.id, otherCoordinator].sort(),
    );
  });

  it("an unknown referral has no audience", async () => {
    expect(await audience("00000000-0000-4000-8000-00000000dead", "caseTeam")).toEqual([]);
  });
});

describe("[NOTIFICATIONS] a user never sees another user's notifications", () => {
  let social: SessionUser;
  let demuna: SessionUser;

  beforeAll(async () => {
    social = s.users.socialWorker;
    demuna = s.users.demuna;
    await t.db.notification.deleteMany({ where: { userId: { in: [social.id, demuna.id] } } });
    await t.db.$transaction(async (tx) => {
      await notifyUsers(tx, { userIds: [social.id], kind: "REFERRAL_ACCEPTED", referralId: s.referrals.demunaA.id });
      await notifyUsers(tx, { userIds: [social.id], kind: "REFERRAL_CLOSED", referralId: s.referrals.demunaA.id });
      await notifyUsers(tx, { userIds: [demuna.id], kind: "REFERRAL_RECEIVED", referralId: s.referrals.demunaA.id });
    });
  });

  it("lists and counts only the caller's own rows, each linking to the referral", async () => {
    const page = await listNotifications(social, {});
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.kind).sort()).toEqual(["REFERRAL_ACCEPTED", "REFERRAL_CLOSED"]);
    expect(page.rows[0]).toMatchObject({
      href: `/referrals/${s.referrals.demunaA.id}`,
      schoolName: "IE Escenario A",
      referral: { agencyName: "DEMUNA Trujillo", urgency: "PRIORITY" },
    });
    expect(await countUnreadNotifications(social)).toBe(2);
    expect((await listNotifications(demuna, {})).rows.map((r) => r.kind)).toEqual(["REFERRAL_RECEIVED"]);
    expect(await countUnreadNotifications(demuna)).toBe(1);
    await expect(listNotifications(null, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("pages the list", async () => {
    const first = await listNotifications(social, { page: 1 }, 1);
    const second = await listNotifications(social, { page: 2 }, 1);
    expect([first.pageCount, first.rows.length, second.rows.length]).toEqual([2, 1, 1]);
    expect(first.rows[0].id).not.toBe(second.rows[0].id);
  });

  it("marking another user's notification is not found and changes nothing; marking one's own is audited", async () => {
    const [theirs] = await rowsOf(demuna.id);
    const refused = await markNotificationRead(social, { notificationId: theirs.id }).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "NOT_FOUND" });
    expect((await rowsOf(demuna.id))[0].readAt).toBeNull();

    // "Mark all" by one user leaves the other's unread.
    expect(await markAllNotificationsRead(social, {})).toEqual({ changed: 2 });
    expect(await countUnreadNotifications(social)).toBe(0);
    expect(await countUnreadNotifications(demuna)).toBe(1);

    expect(await markNotificationRead(demuna, { notificationId: theirs.id })).toEqual({
      notificationId: theirs.id,
      changed: 1,
    });
    expect(await markNotificationRead(demuna, { notificationId: theirs.id })).toEqual({
      notificationId: theirs.id,
      changed: 0,
    });
    expect(await countUnreadNotifications(demuna)).toBe(0);
    const audits = await t.db.auditLog.findMany({
      where: { action: { in: ["notification.read", "notification.readAll"] } },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, entityId: true, details: true },
    });
    expect(audits).toEqual([
      { action: "notification.readAll", actorId: social.id, entityId: null, details: { count: 2 } },
      { action: "notification.read", actorId: demuna.id, entityId: theirs.id, details: null },
    ]);
  });

  it("a coordinator's notification has no link (coordinators do not open referrals)", async () => {
    await t.db.$transaction((tx) =>
      notifyUsers(tx, {
        userIds: [s.users.coordinator.id],
        kind: "REFERRAL_OVERDUE",
        referralId: s.referrals.demunaA.id,
      }),
    );
    const [row] = (await listNotifications(s.users.coordinator, {})).rows;
    expect(row).toMatchObject({ kind: "REFERRAL_OVERDUE", href: null, schoolName: "IE Escenario A" });
  });
});
