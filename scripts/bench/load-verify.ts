import pg from "pg";
import { QUEUES } from "../../lib/jobs/queues";
import type { Acknowledged } from "./load-mix";
import type { LoadPlan } from "./load-plan";

// After a run of `npm run bench:load`, with the servers stopped: every save the app acknowledged
// is in the database with its audit entry, and nothing else changed but the saves still on their
// way when the run ended (sent, never answered: they may or may not have committed).

export type Verdict = { lines: string[]; ok: boolean };

export async function verifyRun(url: string, plan: LoadPlan, ack: Acknowledged, since: Date): Promise<Verdict> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const lines: string[] = [];
  let ok = true;
  const line = (good: boolean, text: string) => {
    ok &&= good;
    lines.push(`${good ? "OK  " : "FAIL"} ${text}`);
  };
  try {
    // Attendance: each section holds the marks of its last acknowledged save (or of the save
    // still on its way); one audit entry per committed save that changed the sheet (a repeat of
    // the stored marks writes nothing).
    let [saves, changes, sent, wrongSections, audits] = [0, 0, 0, 0, 0];
    for (const [key, entry] of ack.attendance) {
      saves += entry.saves;
      changes += entry.changes;
      sent += entry.sent;
      const { rows } = await client.query<{ studentId: string; status: string }>(
        `SELECT "studentId", status::text FROM attendance WHERE date = $1::date AND "studentId" = ANY($2::uuid[])`,
        [plan.day, entry.section.studentIds],
      );
      const stored = new Map(rows.map((r) => [r.studentId, r.status]));
      const holds = (marks: Map<string, string> | null) =>
        marks !== null && [...marks].every(([id, status]) => stored.get(id) === status);
      if (!holds(entry.lastSaved) && !(entry.sent > entry.saves && holds(entry.lastSent))) wrongSections++;
      audits += await countAudit(client, "attendance.save", [`${key}:${plan.day}`], since);
    }
    line(
      wrongSections === 0 && audits >= changes && audits <= sent,
      `attendance saves: ${saves} acknowledged (${sent - saves} on their way at the end) in ${ack.attendance.size} ` +
        `sections; ${wrongSections} sections differ from their last save; ${audits} audit entries`,
    );

    // Visit outcomes and referral answers: the acknowledged ones changed, each with its audit entry.
    for (const [label, table, done, action, saved] of [
      ["visit outcomes", "home_visit", "DONE", "visit.outcome.record", ack.visits],
      ["referral responses", "referral", "ACCEPTED", "referral.accept", ack.referrals],
    ] as const) {
      const kind = table === "home_visit" ? "caseTeam" : "agency";
      const planned = plan.users.filter((u) => u.kind === kind).flatMap((u) => u.workIds);
      const { rows } = await client.query<{ id: string }>(
        `SELECT id::text FROM ${table} WHERE id = ANY($1::uuid[]) AND status = $2`,
        [planned, done],
      );
      const changed = new Set(rows.map((r) => r.id));
      const missing = [...saved.acked].filter((id) => !changed.has(id)).length;
      const unsent = [...changed].filter((id) => !saved.sent.has(id)).length;
      const audit = await countAudit(client, action, [...changed], since);
      line(
        missing === 0 && unsent === 0 && audit === changed.size,
        `${label}: ${saved.acked.size} acknowledged (${saved.sent.size - saved.acked.size} on their way at the end), ` +
          `${changed.size} ${done} in the database (${missing} acknowledged but missing, ${unsent} never sent); ` +
          `${audit} audit entries`,
      );
    }

    const jobs = await client.query<{ state: string; n: number }>(
      `SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = $1 AND created_on >= $2 GROUP BY 1 ORDER BY 1`,
      [QUEUES.recomputeStudents, since],
    );
    lines.push(
      `     alert recomputes queued by the saves: ${jobs.rows.map((r) => `${r.n} ${r.state}`).join(", ") || "none"}`,
    );
  } finally {
    await client.end();
  }
  return { lines, ok };
}

async function countAudit(client: pg.Client, action: string, entityIds: string[], since: Date): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND "entityId" = ANY($2::text[]) AND at >= $3`,
    [action, entityIds, since],
  );
  return rows[0].n;
}
