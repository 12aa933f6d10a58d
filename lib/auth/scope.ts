import { Prisma } from "../generated/prisma/client";
import { AGENCIES_WITHOUT_SENSITIVE_DATA, can, MAX_SHARED_SECTIONS, isSchoolBoundRole } from "./policy";
import type { SessionUser } from "./types";

// Scope builders: the caller's scope goes *inside* every query's `where`, so a row out of
// scope is simply not found. Unknown role or missing scope ⇒ a where that matches nothing.

const NOTHING = { id: { in: [] as string[] } };

/** Schools whose rows the user may touch (empty for ADMIN and AGENCY_STAFF). */
export function scopedSchoolIds(user: SessionUser): string[] {
  return isSchoolBoundRole(user.role) ? user.schoolIds : [];
}

/** Whether one school is in the user's scope: the same definition as every where-builder here. */
export function isSchoolInScope(user: SessionUser, schoolId: string): boolean {
  return scopedSchoolIds(user).includes(schoolId);
}

export function schoolScopeWhere(user: SessionUser): { schoolId: { in: string[] } } {
  return { schoolId: { in: scopedSchoolIds(user) } };
}

/**
 * schoolScopeWhere for a raw statement: `<column> = ANY(<the user's schools>)`. `column` is the
 * SQL name of a school id column written in code (e.g. `c."schoolId"`), never input.
 */
export function schoolScopeSql(user: SessionUser, column: string): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(column)} = ANY(${scopedSchoolIds(user)}::uuid[])`;
}

export function schoolWhere(user: SessionUser): Prisma.SchoolWhereInput {
  if (user.role === "ADMIN") return {};
  return { id: { in: scopedSchoolIds(user) } };
}

/** Students: named rows, so coordinators (aggregates only) get none. */
export function studentWhere(user: SessionUser): Prisma.StudentWhereInput {
  if (!can(user.role, "students.read")) return NOTHING;
  return schoolScopeWhere(user);
}

export function alertWhere(user: SessionUser): Prisma.AlertWhereInput {
  if (!can(user.role, "alerts.read")) return NOTHING;
  return schoolScopeWhere(user);
}

/** Referral states in which the receiving agency works the case (REJECTED / CLOSED: no longer). */
export const REFERRAL_OPEN_STATUSES = ["SENT", "ACCEPTED", "IN_PROGRESS"] as const;

/**
 * Cases: school scope for the school side; agency staff only cases referred to their agency
 * by a referral still open. Access ends with the referral: REJECTED or CLOSED opens nothing
 * of the case (docs/decisions/015-referrals.md).
 */
export function caseWhere(user: SessionUser): Prisma.CaseWhereInput {
  if (user.role === "AGENCY_STAFF") {
    if (!user.agencyId) return NOTHING;
    return { referrals: { some: { agencyId: user.agencyId, status: { in: [...REFERRAL_OPEN_STATUSES] } } } };
  }
  if (!can(user.role, "cases.readSummary")) return NOTHING;
  return schoolScopeWhere(user);
}

/**
 * Referrals themselves: every referral of the school side's schools; for agency staff every
 * referral sent to their agency, whatever its state. What each state lets an agency read of a
 * referral is decided by lib/referrals/referral-view.ts; of the case, by caseReferralWhere.
 */
export function referralWhere(user: SessionUser): Prisma.ReferralWhereInput {
  if (user.role === "AGENCY_STAFF") return user.agencyId ? { agencyId: user.agencyId } : NOTHING;
  if (!can(user.role, "referrals.read")) return NOTHING;
  return schoolScopeWhere(user);
}

/**
 * The referrals that open a case's sections to the user: for agency staff only the open ones
 * to their agency (their shared sections are what they read of the case); the school side
 * reads every referral of its schools.
 */
export function caseReferralWhere(user: SessionUser): Prisma.ReferralWhereInput {
  if (user.role !== "AGENCY_STAFF") return referralWhere(user);
  return user.agencyId ? { agencyId: user.agencyId, status: { in: [...REFERRAL_OPEN_STATUSES] } } : NOTHING;
}

/**
 * Cases whose HOME_VISITS section the user may read: the school side through its school scope,
 * agency staff only through an open referral to their agency that shares the section.
 */
function homeVisitsCaseWhere(user: SessionUser): Prisma.CaseWhereInput | null {
  if (user.role !== "AGENCY_STAFF") return null;
  if (!user.agencyId || !user.agencyType) return NOTHING;
  if (!(MAX_SHARED_SECTIONS[user.agencyType] as readonly string[]).includes("HOME_VISITS")) return NOTHING;
  return {
    referrals: {
      some: {
        agencyId: user.agencyId,
        sharedSections: { has: "HOME_VISITS" },
        status: { in: [...REFERRAL_OPEN_STATUSES] },
      },
    },
  };
}

/** Home visits: the case team and directors of the school; agencies as homeVisitsCaseWhere says. */
export function visitWhere(user: SessionUser): Prisma.HomeVisitWhereInput {
  const agency = homeVisitsCaseWhere(user);
  if (agency) return { case: agency };
  if (!can(user.role, "visits.read")) return NOTHING;
  return schoolScopeWhere(user);
}

/** Contact attempts other than visits: same rule as visits (they share the HOME_VISITS section). */
export function contactAttemptWhere(user: SessionUser): Prisma.ContactAttemptWhereInput {
  const agency = homeVisitsCaseWhere(user);
  if (agency) return { case: agency };
  if (!can(user.role, "visits.read")) return NOTHING;
  return schoolScopeWhere(user);
}

/**
 * Which evaluations of a case (already in the caller's scope) the user may see at all: signed
 * ones, and a draft only by its own author (a draft is working notes, not a record).
 */
export function riskEvaluationWhere(user: SessionUser): Prisma.RiskEvaluationWhereInput {
  if (can(user.role, "risk.write")) return { OR: [{ status: "SIGNED" }, { status: "DRAFT", evaluatorId: user.id }] };
  return { status: "SIGNED" };
}

/**
 * Which risk items' answers the user may read on a case. `shared` is the set of sections a
 * referral shares (agency staff only). Returns a RiskItem filter to put inside the answer query.
 */
export function riskItemWhere(user: SessionUser, shared: readonly string[] = []): Prisma.RiskItemWhereInput {
  const nonSensitive: Prisma.RiskItemWhereInput = { sensitiveCategory: null };
  if (user.role === "AGENCY_STAFF") {
    // A referral may list more than its agency may receive; the agency's maximum packet wins,
    // and an agency of unknown type is treated as the most restricted one.
    if (!user.agencyType) return NOTHING;
    const allowed: readonly string[] = MAX_SHARED_SECTIONS[user.agencyType];
    const granted = (s: string) => shared.includes(s) && allowed.includes(s);
    if (!granted("RISK_ANSWERS")) return NOTHING;
    const blocked = AGENCIES_WITHOUT_SENSITIVE_DATA.includes(user.agencyType);
    return granted("RISK_SENSITIVE") && !blocked ? {} : nonSensitive;
  }
  if (can(user.role, "risk.readSensitive")) return {};
  if (can(user.role, "risk.read")) return nonSensitive;
  return NOTHING;
}

/**
 * Which answers the user may read: the item filter above, plus, for a role that may read what a
 * psychologist shares (the social worker), the sensitive answers of an evaluation that shares
 * them. Agencies never get more through this flag: it is for the school's own team.
 */
export function riskAnswerWhere(user: SessionUser, shared: readonly string[] = []): Prisma.RiskAnswerWhereInput {
  const items = { item: riskItemWhere(user, shared) };
  if (user.role === "AGENCY_STAFF" || !can(user.role, "risk.readShared") || !can(user.role, "risk.read")) return items;
  return { OR: [items, { evaluation: { shareSensitiveWithSocialWorker: true } }] };
}
