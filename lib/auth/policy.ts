import type { AgencyType, Role } from "../generated/prisma/enums";

// Every rule about who may do what lives in this file (scope.ts says *which rows*).
// Deny by default: a permission not listed for a role is refused, and so is an unknown role.

export const PERMISSIONS = [
  "students.read",
  "students.write",
  "students.import",
  "attendance.read",
  "attendance.write",
  "attendance.import",
  "concerns.raise",
  "alerts.read",
  "alerts.review",
  "alertRules.read",
  "alertRules.write",
  "cases.readSummary", // summary + timeline, no risk-form answers
  "cases.read", // the full case file (sensitive risk answers still need risk.readSensitive)
  "cases.create",
  "cases.write", // notes, state changes
  "cases.assign",
  "visits.read", // visit plans of the school ("Mis visitas"); notes only for the case team
  "visits.write",
  "contacts.write",
  "risk.read", // risk answers, rationale and notes (non-sensitive answers only, unless below)
  "risk.readSensitive", // violence, abuse, substances, self-harm answers
  "risk.readShared", // sensitive answers of an evaluation whose psychologist shares them with this role
  "risk.write", // create, save, sign and correct evaluations; share sensitive answers
  "caseTasks.read", // urgent tasks of a case (e.g. a same-day CSMC referral), on the case and home pages
  "caseTasks.complete", // record that an urgent referral was made
  "referrals.read",
  "referrals.create",
  "referrals.inbox", // agency side: referrals received
  "referrals.respond",
  "referralDeadlines.write", // response hours per urgency (ADMIN)
  "retention.manage", // the retention period, and anonymising closed cases past it (ADMIN)
  "reports.read", // aggregates only, small counts suppressed
  "reports.export",
  "audit.read",
  "users.manage",
  "schools.manage",
  "agencies.manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** The case team: the only roles that can be assigned to a case and work it. */
export const CASE_TEAM_ROLES = ["PSYCHOLOGIST", "SOCIAL_WORKER", "EDUCATOR"] as const satisfies readonly Role[];

/** Roles whose scope is a list of schools (user_school). ADMIN and AGENCY_STAFF have none. */
export const SCHOOL_BOUND_ROLES = [
  "COORDINATOR",
  "DIRECTOR",
  "TUTOR",
  ...CASE_TEAM_ROLES,
] as const satisfies readonly Role[];

export const isCaseTeamRole = (role: Role | string): boolean => (CASE_TEAM_ROLES as readonly string[]).includes(role);
export const isSchoolBoundRole = (role: Role | string): boolean =>
  (SCHOOL_BOUND_ROLES as readonly string[]).includes(role);

const CASE_TEAM_COMMON = [
  "students.read",
  "attendance.read",
  "alerts.read",
  "cases.readSummary",
  "cases.read",
  "cases.create",
  "cases.write",
  "cases.assign",
  "visits.read",
  "visits.write",
  "contacts.write",
  "referrals.read",
  "referrals.create",
  "reports.read",
  "caseTasks.read",
  "caseTasks.complete",
] as const satisfies readonly Permission[];

export const ROLE_PERMISSIONS = {
  // Configuration only: never case content, rosters or attendance.
  ADMIN: [
    "alertRules.read",
    "alertRules.write",
    "referralDeadlines.write",
    // Anonymises case files without reading them: the page shows counts only.
    "retention.manage",
    "users.manage",
    "schools.manage",
    "agencies.manage",
    "audit.read",
  ],
  // Territory-wide aggregates without names, and the audit log of the territory.
  COORDINATOR: ["reports.read", "reports.export", "audit.read"],
  DIRECTOR: [
    "students.read",
    "students.write",
    "students.import",
    "attendance.read",
    "attendance.write",
    "attendance.import",
    "concerns.raise",
    "alerts.read",
    "alerts.review",
    "alertRules.read",
    "cases.readSummary",
    "cases.create",
    "cases.write",
    "cases.assign",
    "visits.read",
    "referrals.read",
    "reports.read",
    // An urgent referral due today is shown to the director too, who may need to act on it.
    "caseTasks.read",
  ],
  TUTOR: ["students.read", "attendance.read", "attendance.write", "concerns.raise"],
  // The only role that records risk-factor evaluations and reads sensitive answers.
  PSYCHOLOGIST: [...CASE_TEAM_COMMON, "risk.read", "risk.write", "risk.readSensitive"],
  // Risk answers, and the sensitive ones of an evaluation whose psychologist shares them.
  SOCIAL_WORKER: [...CASE_TEAM_COMMON, "risk.read", "risk.readShared"],
  // Evaluations as level, date and evaluator only (like the director); urgent referrals are
  // made by the psychologist or the social worker.
  EDUCATOR: [...CASE_TEAM_COMMON.filter((p) => p !== "referrals.create" && p !== "caseTasks.complete")],
  // Only the sections a referral shares, only for referrals sent to their agency.
  AGENCY_STAFF: ["referrals.inbox", "referrals.respond"],
} as const satisfies Record<Role, readonly Permission[]>;

export function can(role: Role | string | null | undefined, permission: Permission): boolean {
  if (!role || !Object.hasOwn(ROLE_PERMISSIONS, role)) return false;
  return (ROLE_PERMISSIONS[role as Role] as readonly Permission[]).includes(permission);
}

/** Agencies that never receive health, abuse, violence or substance answers, whatever is shared. */
export const AGENCIES_WITHOUT_SENSITIVE_DATA: readonly AgencyType[] = ["BAPES"];

/** Every section a case file has; protection agencies may receive all of them. */
const ALL_SECTIONS = [
  "IDENTIFICATION",
  "CONTACT",
  "ATTENDANCE",
  "HOME_VISITS",
  "RISK_SUMMARY",
  "RISK_ANSWERS",
  "RISK_SENSITIVE",
  "NOTES",
] as const;

/** Minimum data packet per agency: sections a referral to that agency may share at most. */
export const MAX_SHARED_SECTIONS = {
  DEMUNA: ALL_SECTIONS,
  CEM: ALL_SECTIONS,
  CSMC: ALL_SECTIONS,
  UGEL: ["IDENTIFICATION", "CONTACT", "ATTENDANCE", "HOME_VISITS", "RISK_SUMMARY", "NOTES"],
  BAPES: ["IDENTIFICATION", "CONTACT", "ATTENDANCE", "HOME_VISITS"],
} as const satisfies Record<AgencyType, readonly string[]>;

/**
 * Default packet per agency: the sections a new referral starts with, the least each agency
 * needs to act. The sender may narrow it, or add up to MAX_SHARED_SECTIONS; sensitive answers
 * are never a default (docs/decisions/015-referrals.md).
 */
export const DEFAULT_SHARED_SECTIONS = {
  DEMUNA: ["IDENTIFICATION", "CONTACT", "ATTENDANCE", "HOME_VISITS", "RISK_SUMMARY"],
  CEM: ["IDENTIFICATION", "CONTACT", "HOME_VISITS", "RISK_SUMMARY"],
  CSMC: ["IDENTIFICATION", "CONTACT", "RISK_SUMMARY", "RISK_ANSWERS"],
  UGEL: ["IDENTIFICATION", "ATTENDANCE", "RISK_SUMMARY"],
  BAPES: ["IDENTIFICATION", "CONTACT"],
} as const satisfies Record<AgencyType, readonly string[]>;
