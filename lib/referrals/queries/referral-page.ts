import "server-only";
import { writeReadAudit } from "../../audit/write-read-audit";
import { can } from "../../auth/policy";
import { referralWhere } from "../../auth/scope";
import { isOverdue } from "../overdue";
import type { RequestOrigin, SessionUser } from "../../auth/types";
import { loadReferredCaseFile, type CaseFile } from "../../cases/case-file";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors/app-error";
import type { Prisma } from "../../generated/prisma/client";
import type {
  ConsentMethod,
  LegalBasis,
  ReferralStatus,
  ReferralUrgency,
  SharedSection,
} from "../../generated/prisma/enums";
import { referralNotFound } from "../respond-referral";
import { agencyStudentView, studentLabel, type StudentLabel } from "../student-label";
import { allowedMoves, type ReferralMove } from "../transitions";

// /referrals/<id>: one referral as its reader may see it, each view selected on its own so
// that nothing more than the view reaches the page (docs/decisions/015-referrals.md):
//   SCHOOL          the school side (case team, director): everything, and the way to the case;
//   AGENCY_OPEN     the agency while SENT / ACCEPTED / IN_PROGRESS: the referral and exactly the
//                   sections it shares of the case;
//   AGENCY_CLOSED   after CLOSED: its own referral and counter-referral, the student as initials;
//   AGENCY_REJECTED after REJECTED: when, from which school, and the reason it gave. Nothing else.

export type ReferralView = "SCHOOL" | "AGENCY_OPEN" | "AGENCY_CLOSED" | "AGENCY_REJECTED";

export type BasisDetails = {
  consentGivenBy: string | null;
  consentRelationship: string | null;
  consentDate: Date | null;
  consentMethod: ConsentMethod | null;
  legalNorm: string | null;
  legalBasisNote: string | null;
};

export type ReferralPage = {
  view: ReferralView;
  referral: {
    id: string;
    status: ReferralStatus;
    urgency: ReferralUrgency;
    version: number;
    sentAt: Date;
    dueAt: Date;
    respondedAt: Date | null;
    closedAt: Date | null;
    overdue: boolean;
    agencyName: string;
    schoolName: string;
    rejectionReason: string | null;
    /** Null in AGENCY_REJECTED. */
    reason: string | null;
    legalBasis: LegalBasis | null;
    /** SCHOOL and AGENCY_OPEN only: who consented, the norm. */
    basis: BasisDetails | null;
    sharedSections: SharedSection[] | null;
    sentBy: string | null;
    counterReferral: string | null;
    nextSteps: string | null;
    returnsToSchool: boolean | null;
  };
  student: StudentLabel | null;
  /** SCHOOL: the case to go to. */
  caseId: string | null;
  /** AGENCY_OPEN: the case as this referral shares it. */
  file: CaseFile | null;
  /** What the reader may do now (agency staff). */
  moves: ReferralMove[];
};

const HEADER_SELECT = {
  id: true,
  schoolId: true,
  status: true,
  urgency: true,
  version: true,
  sentAt: true,
  dueAt: true,
  respondedAt: true,
  closedAt: true,
  rejectionReason: true,
  sharedSections: true,
  agency: { select: { name: true, type: true } },
  case: { select: { school: { select: { name: true } } } },
} satisfies Prisma.ReferralSelect;

const RECORD_SELECT = {
  reason: true,
  legalBasis: true,
  counterReferral: true,
  counterReferralNextSteps: true,
  caseReturnsToSchool: true,
  createdBy: { select: { name: true } },
  student: { select: { paternalSurname: true, maternalSurname: true, givenNames: true } },
} satisfies Prisma.ReferralSelect;

type Header = Prisma.ReferralGetPayload<{ select: typeof HEADER_SELECT }>;

function viewOf(user: SessionUser, status: ReferralStatus): ReferralView {
  if (user.role !== "AGENCY_STAFF") return "SCHOOL";
  if (status === "REJECTED") return "AGENCY_REJECTED";
  return status === "CLOSED" ? "AGENCY_CLOSED" : "AGENCY_OPEN";
}

async function readPage(tx: Tx, user: SessionUser, header: Header, now: Date): Promise<ReferralPage> {
  const view = viewOf(user, header.status);
  const base = {
    id: header.id,
    status: header.status,
    urgency: header.urgency,
    version: header.version,
    sentAt: header.sentAt,
    dueAt: header.dueAt,
    respondedAt: header.respondedAt,
    closedAt: header.closedAt,
    overdue: isOverdue(header, now),
    agencyName: header.agency.name,
    schoolName: header.case.school.name,
    rejectionReason: header.rejectionReason,
  };
  const moves = can(user.role, "referrals.respond") ? allowedMoves(header.status) : [];
  if (view === "AGENCY_REJECTED") {
    const empty = { reason: null, legalBasis: null, basis: null, sharedSections: null, sentBy: null };
    const referral = { ...base, ...empty, counterReferral: null, nextSteps: null, returnsToSchool: null };
    return { view, referral, student: null, caseId: null, file: null, moves };
  }
  // One read: the consent details are selected only for the views that show them, the case id
  // only for the school side, so nothing else is read for a reader who may not see it.
  const full = view === "SCHOOL" || view === "AGENCY_OPEN";
  const record = await tx.referral.findFirstOrThrow({
    where: { AND: [{ id: header.id }, referralWhere(user)] },
    select: {
      ...RECORD_SELECT,
      caseId: view === "SCHOOL",
      consentGivenBy: full,
      consentRelationship: full,
      consentDate: full,
      consentMethod: full,
      legalNorm: full,
      legalBasisNote: full,
    },
  });
  const basis = full
    ? {
        consentGivenBy: record.consentGivenBy,
        consentRelationship: record.consentRelationship,
        consentDate: record.consentDate,
        consentMethod: record.consentMethod,
        legalNorm: record.legalNorm,
        legalBasisNote: record.legalBasisNote,
      }
    : null;
  const caseId = view === "SCHOOL" ? record.caseId : null;
  const studentView =
    view === "SCHOOL" ? "name" : agencyStudentView(user.agencyType!, header.status, header.sharedSections);
  return {
    view,
    referral: {
      ...base,
      reason: record.reason,
      legalBasis: record.legalBasis,
      basis,
      sharedSections: header.sharedSections,
      sentBy: record.createdBy?.name ?? null,
      counterReferral: record.counterReferral,
      nextSteps: record.counterReferralNextSteps,
      returnsToSchool: record.caseReturnsToSchool,
    },
    student: studentView ? studentLabel(studentView, record.student) : null,
    caseId,
    file: view === "AGENCY_OPEN" ? await loadReferredCaseFile(tx, user, header.id) : null,
    moves,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The referral page for `user`, audited as `referral.read` (its view and, for an agency, the
 * sections read) in the same transaction. Out of scope, unknown or malformed id: NOT_FOUND
 * and a `referral.read_denied` entry.
 */
export async function getReferralPageOrThrow(
  user: SessionUser | null,
  referralId: string,
  origin?: RequestOrigin,
  now: Date = new Date(),
): Promise<ReferralPage> {
  if (!user) throw new AppError("UNAUTHENTICATED", "signIn");
  const allowed = can(user.role, "referrals.read") || can(user.role, "referrals.inbox");
  try {
    if (!allowed || !UUID.test(referralId)) throw referralNotFound();
    return await db.$transaction(async (tx) => {
      const header = await tx.referral.findFirst({
        where: { AND: [{ id: referralId }, referralWhere(user)] },
        select: HEADER_SELECT,
      });
      if (!header) throw referralNotFound();
      const page = await readPage(tx, user, header, now);
      await writeReadAudit(
        tx,
        user,
        {
          action: "referral.read",
          entity: "Referral",
          entityId: header.id,
          schoolId: header.schoolId,
          details: { view: page.view, status: header.status, sections: page.file?.sections ?? [] },
        },
        origin,
      );
      return page;
    });
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") {
      await writeReadAudit(
        db,
        user,
        { action: "referral.read_denied", entity: "Referral", entityId: referralId.slice(0, 64) },
        origin,
      );
    }
    throw e;
  }
}
