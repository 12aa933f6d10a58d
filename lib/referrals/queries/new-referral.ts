import "server-only";
import { writeReadAudit } from "../../audit/write-read-audit";
import { authorize } from "../../auth/authorize";
import { caseWhere, REFERRAL_OPEN_STATUSES } from "../../auth/scope";
import type { RequestOrigin, SessionUser } from "../../auth/types";
import { caseNotFound } from "../../cases/case-lock";
import { db } from "../../db";
import type { AgencyType, CaseState, SharedSection } from "../../generated/prisma/enums";
import { todayInLima } from "../../format/date";
import { studentName } from "../../visits/student-name";
import { listServingAgencies } from "../agencies";
import { mayConsentAlone } from "../legal-basis";
import { defaultSections, offeredSections } from "../packet";

// What the "Derivar" form needs: the agencies serving the school with the packet each may
// receive and starts from, the guardian on file (to prefill the consent), whether the student
// may consent alone (14 or older today), and what is already open. Audited as a read of the case.

export type AgencyOption = {
  id: string;
  name: string;
  type: AgencyType;
  offered: SharedSection[];
  defaults: SharedSection[];
  /** A referral of this case to the agency is still open: a second one is refused. */
  hasOpenReferral: boolean;
  /** An urgent task of the case asks for this agency type today (self-harm → CSMC). */
  urgentTask: boolean;
};

export type NewReferralContext = {
  case: { id: string; state: CaseState; schoolName: string };
  student: { name: string; grade: number; section: string };
  guardian: { name: string; relationship: string };
  mayConsentAlone: boolean;
  today: string;
  agencies: AgencyOption[];
};

export async function getNewReferralContext(
  user: SessionUser | null,
  caseId: string,
  origin?: RequestOrigin,
): Promise<NewReferralContext> {
  authorize(user, "referrals.create");
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw caseNotFound();
  const today = todayInLima();
  return db.$transaction(async (tx) => {
    const c = await tx.case.findFirst({
      where: { AND: [{ id: caseId }, caseWhere(user)] },
      select: {
        id: true,
        schoolId: true,
        state: true,
        school: { select: { name: true } },
        student: {
          select: {
            paternalSurname: true,
            maternalSurname: true,
            givenNames: true,
            grade: true,
            section: true,
            birthDate: true,
            guardianName: true,
            guardianRelationship: true,
          },
        },
        referrals: { where: { status: { in: [...REFERRAL_OPEN_STATUSES] } }, select: { agencyId: true } },
        tasks: { where: { kind: "URGENT_REFERRAL", doneAt: null }, select: { agencyType: true } },
      },
    });
    if (!c) throw caseNotFound();
    await writeReadAudit(
      tx,
      user,
      { action: "case.read", entity: "Case", entityId: c.id, schoolId: c.schoolId, details: { view: "referral.new" } },
      origin,
    );
    const open = new Set(c.referrals.map((r) => r.agencyId));
    const urgent = new Set(c.tasks.map((t) => t.agencyType));
    const agencies = (await listServingAgencies(tx, c.schoolId)).map((a) => ({
      id: a.id,
      name: a.name,
      type: a.type,
      offered: offeredSections(a.type, user.role),
      defaults: defaultSections(a.type, user.role),
      hasOpenReferral: open.has(a.id),
      urgentTask: urgent.has(a.type),
    }));
    const s = c.student;
    return {
      case: { id: c.id, state: c.state, schoolName: c.school.name },
      student: { name: studentName(s), grade: s.grade, section: s.section },
      guardian: { name: s.guardianName ?? "", relationship: s.guardianRelationship ?? "" },
      mayConsentAlone: mayConsentAlone(s.birthDate, today),
      today,
      agencies,
    };
  });
}
