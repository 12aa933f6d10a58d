import "server-only";
import { parseOrThrow } from "../actions/parse";
import { SYSTEM_ACTOR, systemOrigin } from "../audit/system-actor";
import { auditAction, originText } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db, type Tx } from "../db";
import { AppError } from "../errors/app-error";
import { todayInLima } from "../format/date";
import { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { dueStudentsSql, lockDueCases } from "./due";
import { limaDayStart, retentionCutoff } from "./period";
import { ZAnonymiseSchema } from "./schema";
import { readRetentionYears } from "./settings";

// Anonymising closed cases past the retention period (docs/decisions/022-retention.md).
//
// Removed: every text a person wrote about the child or the family, and the student's names,
// document, birth date, address, phones and guardian when their record goes too. Kept: every
// row, with its dates, states, outcomes, levels, answers, grade, sex and school, so the
// reports' funnel, prevalence and grade × sex counts do not move. Texts the database requires
// to be non-blank (a signed evaluation's rationale, a referral's reason, a rejection, a
// counter-referral) become the placeholder below. One transaction: all due cases or none,
// with one audit row per case and per student.

/** Also spelled out in risk_evaluation_signed_is_final (migration 20261201100000_retention). */
export const ANONYMISED = "[anonimizado]";

export type AnonymiseResult = { cases: number; students: number; cutoff: string };

export async function anonymiseExpiredCases(
  user: SessionUser | null,
  input: unknown,
  origin?: RequestOrigin,
  today = todayInLima(),
): Promise<AnonymiseResult> {
  authorize(user, "retention.manage");
  const { cutoff, expected } = parseOrThrow(ZAnonymiseSchema, input);
  return runAnonymisation({ id: user.id, role: user.role }, originText(origin), cutoff, expected, today);
}

/**
 * The operator's path (`npm run cli -- anonymise`): the period's own cut-off, no user; audited
 * with no actor and origin "system | cli:anonymise".
 */
export async function anonymiseExpiredCasesAsSystem(expected: number, today = todayInLima()): Promise<AnonymiseResult> {
  const cutoff = retentionCutoff(await readRetentionYears(), today);
  return runAnonymisation(SYSTEM_ACTOR, systemOrigin({ command: "anonymise" }), cutoff, expected, today);
}

type Actor = { id: string; role: Role } | null;

async function runAnonymisation(
  actor: Actor,
  origin: string | null,
  cutoff: string,
  expected: number,
  today: string,
): Promise<AnonymiseResult> {
  return db.$transaction(
    async (tx) => {
      // The confirmation's cut-off may be older than the period allows now, never newer.
      const allowed = retentionCutoff(await readRetentionYears(tx), today);
      if (cutoff > allowed) throw new AppError("INVALID_INPUT", "retention.cutoffTooRecent");
      const cases = await lockDueCases(tx, limaDayStart(cutoff));
      if (cases.length !== expected) {
        throw new AppError("CONFLICT", "retention.countChanged", { count: cases.length });
      }
      const caseIds = cases.map((c) => c.id);
      const students = await anonymiseCases(tx, caseIds);
      await auditRun(tx, actor, origin, { caseIds, studentIds: students, cutoff });
      return { cases: cases.length, students: students.length, cutoff };
    },
    { timeout: 120_000 },
  );
}

/** Blanks the cases' free text (and their students' identity where due); returns those students. */
async function anonymiseCases(tx: Tx, caseIds: string[]): Promise<string[]> {
  const ids = Prisma.sql`SELECT unnest(${caseIds}::uuid[])`;
  // Chosen before the cases are marked: "every other case anonymised" reads the state before.
  const students = (await tx.$queryRaw<{ id: string }[]>`SELECT s.id::text AS id FROM (${dueStudentsSql(ids)}) s`).map(
    (s) => s.id,
  );
  const placeholder = (column: string) =>
    Prisma.raw(`CASE WHEN "${column}" IS NULL THEN NULL ELSE '${ANONYMISED}' END`);

  await tx.$executeRaw`UPDATE case_file SET "anonymisedAt" = now(), "outcomeNote" = NULL, version = version + 1
                        WHERE id IN (${ids})`;
  // Bodies are the typed notes and reasons, or generated text that quotes them; data keeps ids,
  // states and levels, less the keys that hold typed text.
  await tx.$executeRaw`UPDATE case_event SET body = NULL,
                              data = CASE WHEN data IS NULL THEN NULL
                                          ELSE data - ARRAY['metWith', 'contact', 'reason', 'note', 'notes'] END
                        WHERE "caseId" IN (${ids})`;
  await tx.$executeRaw`UPDATE home_visit SET purpose = NULL, "metWith" = NULL, notes = NULL,
                              "correctedStreet" = NULL, "correctedReference" = NULL, "correctedDistrict" = NULL
                        WHERE "caseId" IN (${ids})`;
  await tx.$executeRaw`UPDATE contact_attempt SET notes = NULL WHERE "caseId" IN (${ids})`;
  // Allowed on a signed evaluation only now that its case is anonymised (migration 20261201100000).
  await tx.$executeRaw`UPDATE risk_evaluation
                          SET rationale = CASE WHEN status = 'SIGNED' THEN ${ANONYMISED} END,
                              "protectiveNotes" = NULL, notes = NULL
                        WHERE "caseId" IN (${ids})`;
  await tx.$executeRaw`UPDATE referral
                          SET reason = ${ANONYMISED}, "legalBasisNote" = NULL,
                              "consentGivenBy" = ${placeholder("consentGivenBy")},
                              "rejectionReason" = ${placeholder("rejectionReason")},
                              "counterReferral" = ${placeholder("counterReferral")},
                              "counterReferralNextSteps" = ${placeholder("counterReferralNextSteps")},
                              version = version + 1
                        WHERE "caseId" IN (${ids})`;
  await tx.$executeRaw`UPDATE case_task SET "doneContact" = ${placeholder("doneContact")}, "doneNote" = NULL
                        WHERE "caseId" IN (${ids})`;
  await tx.$executeRaw`UPDATE alert SET note = NULL, "dismissReason" = NULL
                        WHERE "caseId" IN (${ids}) OR "studentId" = ANY(${students}::uuid[])`;

  if (students.length > 0) {
    await tx.$executeRaw`UPDATE student
                            SET "documentType" = 'NONE', "documentNumber" = NULL,
                                "paternalSurname" = ${ANONYMISED}, "maternalSurname" = '', "givenNames" = ${ANONYMISED},
                                "birthDate" = NULL, "addressStreet" = NULL, "addressReference" = NULL,
                                "addressDistrict" = NULL, "addressVerifiedAt" = NULL, phone = NULL,
                                "phoneVerifiedAt" = NULL, "guardianName" = NULL, "guardianRelationship" = NULL,
                                "guardianPhone" = NULL, "guardianVerifiedAt" = NULL,
                                "anonymisedAt" = now(), "updatedAt" = now()
                          WHERE id = ANY(${students}::uuid[])`;
    await tx.$executeRaw`UPDATE student_address_history
                            SET "previousStreet" = NULL, "previousReference" = NULL, "previousDistrict" = NULL,
                                "newStreet" = ${ANONYMISED}, "newReference" = NULL, "newDistrict" = NULL
                          WHERE "studentId" = ANY(${students}::uuid[])`;
  }
  return students;
}

/** One row per case and per student, written by the statements themselves (set-based). */
async function auditRun(
  tx: Tx,
  actor: Actor,
  from: string | null,
  run: { caseIds: string[]; studentIds: string[]; cutoff: string },
) {
  const action = auditAction("retention.anonymise");
  const [actorId, actorRole] = [actor?.id ?? null, actor?.role ?? null];
  await tx.$executeRaw`
    INSERT INTO audit_log ("actorId", "actorRole", action, entity, "entityId", "schoolId", origin, details)
    SELECT ${actorId}::uuid, ${actorRole}::"Role", ${action}, 'Case', c.id::text, c."schoolId", ${from},
           jsonb_build_object('cutoff', ${run.cutoff}::text, 'closedAt', c."closedAt",
                              'studentAnonymised', c."studentId" = ANY(${run.studentIds}::uuid[]))
      FROM case_file c WHERE c.id = ANY(${run.caseIds}::uuid[])`;
  await tx.$executeRaw`
    INSERT INTO audit_log ("actorId", "actorRole", action, entity, "entityId", "schoolId", origin, details)
    SELECT ${actorId}::uuid, ${actorRole}::"Role", ${action}, 'Student', s.id::text, s."schoolId", ${from},
           jsonb_build_object('cutoff', ${run.cutoff}::text)
      FROM student s WHERE s.id = ANY(${run.studentIds}::uuid[])`;
}
