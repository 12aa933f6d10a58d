import "server-only";
import { writeReadAudit } from "../audit/write-read-audit";
import { riskEvaluationWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db } from "../db";
import { evaluationView } from "../risk/access";
import { findVisibleAnswers, type VisibleAnswer } from "../risk/queries";
import { findCaseForViewer, getCaseFileOrThrow, type CaseFile } from "./case-file";

// The printable case summary (/cases/<id>/print): what the case page shows this viewer, on
// paper. A printed page leaves the system, so for viewers who do not work the case (the
// director: summary access) the child is named by initials only, and the document number,
// contact details and free-text notes are left out. Roles that work the case (the case team,
// and agency staff through their referral) see the name as on the case page. Risk answers
// appear only for viewers who may read them, exactly as riskAnswerWhere lets through. The
// read is audited as a case read (view PRINT), and the answers as an evaluation read.

export type CasePrint = {
  file: CaseFile;
  /** Names masked to initials, contact and notes left out. */
  masked: boolean;
  /** "Quispe Mamani, Ana Lucía", or "A. L. Q. M." when masked; null without IDENTIFICATION. */
  studentName: string | null;
  /** The latest signed evaluation's visible answers (only for viewers of answers). */
  answers: { evaluationId: string; evaluatedAt: Date; answers: VisibleAnswer[] } | null;
};

type Name = { paternalSurname: string; maternalSurname: string; givenNames: string };

export function initials(name: Name): string {
  const words = [name.givenNames, name.paternalSurname, name.maternalSurname].join(" ").split(/\s+/).filter(Boolean);
  return words.map((w) => `${w[0]!.toLocaleUpperCase("es")}.`).join(" ");
}

export function fullName(name: Name): string {
  return `${[name.paternalSurname, name.maternalSurname].filter(Boolean).join(" ")}, ${name.givenNames}`;
}

/** A visit event's data without who was met at the door (a relative's name, often). */
function withoutMetWith(data: CaseFile["timeline"][number]["data"]) {
  if (!data || typeof data !== "object" || Array.isArray(data) || !("metWith" in data)) return data;
  return { ...data, metWith: null };
}

async function latestAnswers(user: SessionUser, caseId: string, origin: RequestOrigin) {
  return db.$transaction(async (tx) => {
    const viewer = await findCaseForViewer(tx, user, caseId);
    if (evaluationView(viewer.sections) !== "FULL") return null;
    const latest = await tx.riskEvaluation.findFirst({
      where: {
        AND: [
          { caseId: viewer.case.id, schoolId: viewer.case.schoolId, status: "SIGNED" },
          riskEvaluationWhere(user),
          { NOT: { correctedBy: { is: { status: "SIGNED" } } } },
        ],
      },
      select: { id: true, evaluatedAt: true },
      orderBy: [{ evaluatedAt: "desc" }, { id: "asc" }],
    });
    if (!latest) return null;
    const answers = await findVisibleAnswers(tx, user, viewer, latest.id);
    await writeReadAudit(
      tx,
      user,
      {
        action: "risk.evaluation.read",
        entity: "RiskEvaluation",
        entityId: latest.id,
        schoolId: viewer.case.schoolId,
        details: { view: "PRINT" },
      },
      origin,
    );
    return { evaluationId: latest.id, evaluatedAt: latest.evaluatedAt, answers };
  });
}

/** NOT_FOUND exactly when the case page would be (scope, role, unknown id). */
export async function getCasePrint(
  user: SessionUser | null,
  caseId: string,
  origin: RequestOrigin,
): Promise<CasePrint> {
  const file = await getCaseFileOrThrow(user, caseId, origin, { view: "PRINT" });
  const masked = file.access === "SUMMARY";
  const answers = masked ? null : await latestAnswers(user!, caseId, origin);
  if (masked) {
    // Free text may name the family: a masked print carries event kinds and dates only.
    file.contact = null;
    file.timeline = file.timeline.map((e) => ({ ...e, body: null, data: withoutMetWith(e.data) }));
    if (file.homeVisits) file.homeVisits = file.homeVisits.map((v) => ({ ...v, metWith: null }));
  }
  return {
    file,
    masked,
    studentName: file.student ? (masked ? initials(file.student) : fullName(file.student)) : null,
    answers,
  };
}
