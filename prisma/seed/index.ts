import type { PrismaClient } from "../../lib/generated/prisma/client";
import { writeAudit } from "../../lib/audit/write-audit";
import { checkReferralDeadlines } from "../../lib/referrals/escalate-deadlines";
import { alertRuleRows } from "./alerts";
import { insertAttendance } from "./attendance";
import { signSeedEvaluations } from "./evaluations";
import { insertPeople } from "./people";
import { insertRows } from "./insert";
import { buildPlan, studentRows } from "./plan";
import type { SeedTx } from "./types";

// The "No Arrugues" pilot as demo data (docs/decisions/004-demo-seed.md): 4 schools, 2,356
// students, 278 alerted, 100 reached at home, 63 evaluated, referrals to five agencies.
// Deterministic: the same code writes the same rows, ids included.

export type SeedSummary = Record<string, number>;

type SeedReader = Pick<PrismaClient, "instanceSetting" | "school">;

/** Why the demo seed must not run here, or null when it may. */
export async function getSeedBlocker(db: SeedReader): Promise<string | null> {
  const marker = await db.instanceSetting.findUnique({ where: { key: "demo" } });
  if (marker?.value !== "true") return "la base de datos no está marcada para demostración";
  if ((await db.school.count()) > 0) return "la base de datos no está vacía";
  return null;
}

/** Where the demo records the day it was loaded for (the anchor of its calendar). */
export const DEMO_ANCHOR_SETTING = "demoAnchor";

/**
 * Loads the demo with its calendar anchored to `anchor`, the load day (YYYY-MM-DD in Lima:
 * scripts pass today, tests may pass any day); refuses (throws) unless the database is
 * marked for demo use and empty.
 */
export async function seedDemo(db: PrismaClient, anchor: string): Promise<SeedSummary> {
  const plan = buildPlan(anchor);
  const { rows } = plan;
  return db.$transaction(
    async (tx: SeedTx) => {
      const blocker = await getSeedBlocker(tx);
      if (blocker) throw new Error(`No se cargan datos de demostración: ${blocker}`);
      const people = await insertPeople(tx);
      await insertRows(tx, "student", studentRows(plan));
      const attendance = await insertAttendance(tx, plan);
      await tx.alertRule.createMany({ data: alertRuleRows() });
      // The risk instruments are reference data: the migration 20261129300000_risk_evaluations
      // inserts them, with the ids prisma/seed/evaluations.ts refers to.
      await insertRows(tx, "case_file", rows.cases);
      await insertRows(tx, "case_assignment", rows.assignments);
      await insertRows(tx, "alert", rows.alerts);
      await insertRows(tx, "home_visit", rows.visits);
      await insertRows(tx, "contact_attempt", rows.contacts);
      await insertRows(tx, "student_address_history", rows.addressHistory);
      await insertRows(tx, "risk_evaluation", rows.evaluations);
      await insertRows(tx, "risk_answer", rows.answers);
      await signSeedEvaluations(tx);
      await insertRows(tx, "referral", rows.referrals);
      await insertRows(tx, "case_event", rows.events);
      // The deadlines job as of the load day's start: overdue referrals are marked and their
      // team and coordinators notified, agencies reminded of those due within the day. No
      // email: the job schema may not exist yet, and demo addresses are not real.
      const deadlines = await checkReferralDeadlines(tx, plan.calendar.loadStart, "system | seed", { email: false });
      await tx.instanceSetting.create({ data: { key: DEMO_ANCHOR_SETTING, value: anchor } });
      const summary: SeedSummary = {
        ...people,
        students: plan.students.length,
        schoolDays: plan.days.length,
        ...attendance,
        alerts: rows.alerts.length,
        alertedStudents: new Set(rows.alerts.map((a) => a.studentId)).size,
        cases: rows.cases.length,
        caseEvents: rows.events.length,
        homeVisits: rows.visits.length,
        reachedStudents: new Set(rows.visits.filter((v) => v.outcome === "CONTACTED").map((v) => v.studentId)).size,
        contactAttempts: rows.contacts.length,
        addressChanges: rows.addressHistory.length,
        evaluations: rows.evaluations.length,
        referrals: rows.referrals.length,
        referralsOverdue: deadlines.overdue,
        notifications: deadlines.notified,
      };
      await writeAudit(
        tx,
        null,
        { action: "seed.demo", entity: "Instance", details: { ...summary, anchor } },
        { via: "seed" },
      );
      return summary;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
