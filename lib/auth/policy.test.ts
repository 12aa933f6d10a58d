import { describe, expect, it } from "vitest";
import { Role } from "../generated/prisma/enums";
import { can, PERMISSIONS, ROLE_PERMISSIONS, type Permission } from "./policy";

// The full role × permission matrix, written out by hand: any change to policy.ts must be
// mirrored here on purpose. "x" = allowed, "-" = denied. Columns follow ROLES.
const ROLES = [
  "ADMIN",
  "COORDINATOR",
  "DIRECTOR",
  "TUTOR",
  "PSYCHOLOGIST",
  "SOCIAL_WORKER",
  "EDUCATOR",
  "AGENCY_STAFF",
] as const;

const MATRIX: Record<Permission, string> = {
  //                    ADM COO DIR TUT PSY SOC EDU AGE
  "students.read": " -   -   x   x   x   x   x   - ",
  "students.write": " -   -   x   -   -   -   -   - ",
  "students.import": " -   -   x   -   -   -   -   - ",
  "attendance.read": " -   -   x   x   x   x   x   - ",
  "attendance.write": " -   -   x   x   -   -   -   - ",
  "attendance.import": " -   -   x   -   -   -   -   - ",
  "concerns.raise": " -   -   x   x   -   -   -   - ",
  "alerts.read": " -   -   x   -   x   x   x   - ",
  "alerts.review": " -   -   x   -   -   -   -   - ",
  "alertRules.read": " x   -   x   -   -   -   -   - ",
  "alertRules.write": " x   -   -   -   -   -   -   - ",
  "cases.readSummary": " -   -   x   -   x   x   x   - ",
  "cases.read": " -   -   -   -   x   x   x   - ",
  "cases.create": " -   -   x   -   x   x   x   - ",
  "cases.write": " -   -   x   -   x   x   x   - ",
  "cases.assign": " -   -   x   -   x   x   x   - ",
  "visits.read": " -   -   x   -   x   x   x   - ",
  "visits.write": " -   -   -   -   x   x   x   - ",
  "contacts.write": " -   -   -   -   x   x   x   - ",
  "risk.read": " -   -   -   -   x   x   -   - ",
  "risk.readSensitive": " -   -   -   -   x   -   -   - ",
  "risk.readShared": " -   -   -   -   -   x   -   - ",
  "risk.write": " -   -   -   -   x   -   -   - ",
  "caseTasks.read": " -   -   x   -   x   x   x   - ",
  "caseTasks.complete": " -   -   -   -   x   x   -   - ",
  "referrals.read": " -   -   x   -   x   x   x   - ",
  "referrals.create": " -   -   -   -   x   x   -   - ",
  "referrals.inbox": " -   -   -   -   -   -   -   x ",
  "referrals.respond": " -   -   -   -   -   -   -   x ",
  "referralDeadlines.write": " x   -   -   -   -   -   -   - ",
  "retention.manage": " x   -   -   -   -   -   -   - ",
  "reports.read": " -   x   x   -   x   x   x   - ",
  "reports.export": " -   x   -   -   -   -   -   - ",
  "audit.read": " x   x   -   -   -   -   -   - ",
  "users.manage": " x   -   -   -   -   -   -   - ",
  "schools.manage": " x   -   -   -   -   -   -   - ",
  "agencies.manage": " x   -   -   -   -   -   -   - ",
};

const cells = Object.entries(MATRIX).flatMap(([permission, row]) => {
  const marks = row.trim().split(/\s+/);
  return ROLES.map((role, i) => ({
    role,
    permission: permission as Permission,
    allowed: marks[i] === "x",
    mark: marks[i],
  }));
});

describe("[POLICY] role × permission matrix", () => {
  it("covers exactly every role and every permission", () => {
    expect([...ROLES].sort()).toEqual(Object.values(Role).sort());
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    expect(Object.keys(MATRIX).sort()).toEqual([...PERMISSIONS].sort());
    expect(cells).toHaveLength(ROLES.length * PERMISSIONS.length);
    expect(cells.every((c) => c.mark === "x" || c.mark === "-")).toBe(true);
  });

  it.each(cells)("$role · $permission → $allowed", ({ role, permission, allowed }) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it("grants nothing beyond the matrix (no permission outside PERMISSIONS)", () => {
    for (const perms of Object.values(ROLE_PERMISSIONS)) {
      for (const p of perms) expect(PERMISSIONS).toContain(p);
    }
  });
});

describe("[POLICY] deny by default", () => {
  it.each(PERMISSIONS.map((p) => [p]))("unknown, empty, null and undefined roles are refused %s", (permission) => {
    expect(can("SUPERUSER", permission)).toBe(false);
    expect(can("admin", permission)).toBe(false);
    expect(can("", permission)).toBe(false);
    expect(can(null, permission)).toBe(false);
    expect(can(undefined, permission)).toBe(false);
  });

  it("inherited object keys are not roles", () => {
    expect(can("toString", "cases.read")).toBe(false);
    expect(can("__proto__", "cases.read")).toBe(false);
    expect(can("constructor", "users.manage")).toBe(false);
  });

  it("an unknown permission is refused for every role", () => {
    for (const role of ROLES) expect(can(role, "cases.delete" as Permission)).toBe(false);
  });
});
