import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { AgencyType } from "../generated/prisma/enums";
import { studentFilterSql } from "./cohort-sql";
import type { ReportScope } from "./scope";
import { TableModel, type Count } from "./table-model";

// Referral response times per agency, for referrals sent from the covered schools in the
// period (about students of the grade and sex asked): how long agencies took to accept and to
// close (median and 90th percentile, computed by PostgreSQL's percentile_cont), and how many
// wait past their response deadline now. Overdue is the shared definition: still SENT and
// "dueAt" in the past. Times count from sentAt: to respondedAt for referrals accepted (now
// ACCEPTED, IN_PROGRESS or CLOSED), to closedAt for CLOSED ones.

export type TimeStats = { median: number | null; p90: number | null };

export type AgencyTimes = {
  sent: Count;
  accepted: Count;
  rejected: Count;
  closed: Count;
  overdue: Count;
  /** Hours from sending to acceptance, over the accepted referrals. */
  toAcceptHours: TimeStats;
  /** Days from sending to closure, over the closed referrals. */
  toCloseDays: TimeStats;
};

export type ReferralTimesReport = {
  agencies: { id: string; name: string; type: AgencyType; times: AgencyTimes }[];
  total: AgencyTimes;
};

type Raw = {
  agencyId: string | null;
  name: string | null;
  type: AgencyType | null;
  waitingOverdue: number;
  waitingOnTime: number;
  acceptedOpen: number;
  closed: number;
  rejected: number;
  acceptMedian: number | null;
  acceptP90: number | null;
  closeMedian: number | null;
  closeP90: number | null;
};

const ACCEPTED = Prisma.sql`r.status IN ('ACCEPTED', 'IN_PROGRESS', 'CLOSED')`;
const HOURS_TO_ACCEPT = Prisma.sql`extract(epoch FROM r."respondedAt" - r."sentAt") / 3600`;
const DAYS_TO_CLOSE = Prisma.sql`extract(epoch FROM r."closedAt" - r."sentAt") / 86400`;

function referralTimesSql(scope: ReportScope): Prisma.Sql {
  return Prisma.sql`
    SELECT r."agencyId"::text AS "agencyId", g.name, g.type::text AS type,
           count(*) FILTER (WHERE r.status = 'SENT' AND r."dueAt" < now())::int AS "waitingOverdue",
           count(*) FILTER (WHERE r.status = 'SENT' AND r."dueAt" >= now())::int AS "waitingOnTime",
           count(*) FILTER (WHERE r.status IN ('ACCEPTED', 'IN_PROGRESS'))::int AS "acceptedOpen",
           count(*) FILTER (WHERE r.status = 'CLOSED')::int AS closed,
           count(*) FILTER (WHERE r.status = 'REJECTED')::int AS rejected,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS_TO_ACCEPT}) FILTER (WHERE ${ACCEPTED}) AS "acceptMedian",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY ${HOURS_TO_ACCEPT}) FILTER (WHERE ${ACCEPTED}) AS "acceptP90",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${DAYS_TO_CLOSE}) FILTER (WHERE r.status = 'CLOSED') AS "closeMedian",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY ${DAYS_TO_CLOSE}) FILTER (WHERE r.status = 'CLOSED') AS "closeP90"
      FROM referral r
      JOIN agency g ON g.id = r."agencyId"
      JOIN student s ON s.id = r."studentId" AND s."schoolId" = r."schoolId"
     WHERE r."schoolId" = ANY(${scope.schoolIds}::uuid[])
       AND r."sentAt" >= ${scope.from} AND r."sentAt" < ${scope.to} ${studentFilterSql("s", scope)}
     GROUP BY GROUPING SETS ((r."agencyId", g.name, g.type), ())
     ORDER BY g.type NULLS LAST, g.name NULLS LAST`;
}

const MEASURES = {
  sent: ["waitingOverdue", "waitingOnTime", "acceptedOpen", "closed", "rejected"],
  accepted: ["acceptedOpen", "closed"],
  rejected: ["rejected"],
  closed: ["closed"],
  overdue: ["waitingOverdue"],
} as const;
type Measure = keyof typeof MEASURES;
const ATOMS = MEASURES.sent;

const round1 = (x: number | null) => (x === null ? null : Math.round(Number(x) * 10) / 10);

/** Times are shown only over a printed count: over a hidden one they would describe few children. */
function times(n: Count, median: number | null, p90: number | null): TimeStats {
  return typeof n === "number" && n > 0 ? { median: round1(median), p90: round1(p90) } : { median: null, p90: null };
}

export async function loadReferralTimes(scope: ReportScope, suppress: boolean): Promise<ReferralTimesReport> {
  const raw = scope.schoolIds.length ? await db.$queryRaw<Raw[]>(referralTimesSql(scope)) : [];
  const agencies = raw.filter((r) => r.agencyId !== null);
  const total = raw.find((r) => r.agencyId === null);
  const model = new TableModel();
  for (const a of agencies) for (const k of ATOMS) model.add(`${a.agencyId}|${k}`, a[k]);
  const ids = agencies.map((a) => a.agencyId!);
  for (const m of Object.keys(MEASURES) as Measure[]) {
    for (const id of ids)
      model.cell(
        `${id}:${m}`,
        MEASURES[m].map((k) => `${id}|${k}`),
      );
    model.cell(
      `T:${m}`,
      ids.flatMap((id) => MEASURES[m].map((k) => `${id}|${k}`)),
      { parts: ids.length > 1 ? [ids.map((id) => `${id}:${m}`)] : [] },
    );
  }
  // Still waiting (sent − accepted − rejected) is not printed, but follows from what is.
  for (const id of ids) model.impliedGroup([`${id}|waitingOverdue`, `${id}|waitingOnTime`]);
  model.impliedGroup(ids.flatMap((id) => [`${id}|waitingOverdue`, `${id}|waitingOnTime`]));
  model.protect(suppress);
  const timesOf = (key: string, r: Raw | undefined): AgencyTimes => {
    const get = (m: Measure) => model.get(`${key}:${m}`);
    const accepted = get("accepted");
    const closed = get("closed");
    return {
      sent: get("sent"),
      accepted,
      rejected: get("rejected"),
      closed,
      overdue: get("overdue"),
      toAcceptHours: times(accepted, r?.acceptMedian ?? null, r?.acceptP90 ?? null),
      toCloseDays: times(closed, r?.closeMedian ?? null, r?.closeP90 ?? null),
    };
  };
  return {
    agencies: agencies.map((a) => ({ id: a.agencyId!, name: a.name!, type: a.type!, times: timesOf(a.agencyId!, a) })),
    total: timesOf("T", total),
  };
}
