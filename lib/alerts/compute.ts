import "server-only";
import { systemOrigin, type SystemSource } from "../audit/system-actor";
import type { Db } from "../db";
import { ALERT_WRITE_LOCK, ensureDefaultRulesSql, recomputeSql, type ComputeScope } from "./compute-sql";

// Entry points of the alert engine. They run in jobs (lib/jobs): attendance taking and imports
// queue the incremental one in their own transaction, a rule change or a very large import
// queues one school, and a nightly job recomputes everything; `npm run cli -- compute-alerts`
// runs the full one by hand. Recomputing is idempotent: it only ever inserts alerts, and an
// alert already open for the same student and kind is kept as it is (see
// docs/decisions/006-alert-rules.md). What it writes (default rules, alerts) is audited with
// the system actor and `source` (the job or command) as origin.

export type AlertComputeSummary = {
  /** Schools with at least one student evaluated. */
  schoolsProcessed: number;
  /** Active students in scope who have attendance (the others have nothing to evaluate). */
  studentsEvaluated: number;
  /** Alerts created by this run. */
  opened: number;
  /** Conditions that hold but whose alert was already open (kept, not duplicated). */
  stillOpen: number;
};

type Row = { schools: number; students: number; candidates: number; opened: number };

const EMPTY: AlertComputeSummary = { schoolsProcessed: 0, studentsEvaluated: 0, opened: 0, stillOpen: 0 };

async function run(db: Db, scope: ComputeScope, source?: SystemSource): Promise<AlertComputeSummary> {
  const origin = systemOrigin(source);
  // A school created after the last run gets the default rules before it is evaluated.
  await db.$executeRaw(ensureDefaultRulesSql(scope, origin));
  const [row] = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ALERT_WRITE_LOCK}::bigint)`;
      return tx.$queryRaw<Row[]>(recomputeSql(scope, origin));
    },
    // A full recompute at UGEL scale takes seconds; reviews wait for it meanwhile.
    { timeout: 120_000, maxWait: 30_000 },
  );
  return {
    schoolsProcessed: row.schools,
    studentsEvaluated: row.students,
    opened: row.opened,
    stillOpen: row.candidates - row.opened,
  };
}

/** Incremental recompute for the students whose attendance changed (one school). */
export async function computeAlertsForStudents(
  db: Db,
  input: { schoolId: string; studentIds: string[] },
  source?: SystemSource,
): Promise<AlertComputeSummary> {
  const studentIds = [...new Set(input.studentIds)];
  if (studentIds.length === 0) return EMPTY;
  return run(db, { schoolId: input.schoolId, studentIds }, source);
}

/** Full recompute of every student of one school, or of every school. */
export async function computeAlerts(
  db: Db,
  input: { schoolId?: string } = {},
  source?: SystemSource,
): Promise<AlertComputeSummary> {
  return run(db, { schoolId: input.schoolId }, source);
}
