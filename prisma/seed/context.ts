import type { RiskAnswerValue, RiskLevel } from "../../lib/generated/prisma/enums";
import { USERS, userId } from "./people";
import type { Random } from "./random";
import type { CaseStory } from "./timeline";
import type { CaseRows, StudentPlan } from "./types";

/** What every step of a case's story needs. */
export type CaseCtx = {
  s: StudentPlan;
  story: CaseStory;
  rows: CaseRows;
  r: Random;
  opener: string;
  social: string;
  educator: string | null;
  psychologist: string;
  /** When the student's last alert was raised: a case cannot close before it. */
  lastAlertAt: Date;
  /** Set once the family is reached at home. */
  reachedAt?: Date;
  evaluatedAt?: Date;
  interventionAt?: Date;
  answers?: Record<string, RiskAnswerValue>;
  level?: RiskLevel;
};

export function emptyRows(): CaseRows {
  return {
    cases: [],
    assignments: [],
    alerts: [],
    events: [],
    visits: [],
    contacts: [],
    addressHistory: [],
    evaluations: [],
    answers: [],
    referrals: [],
  };
}

/** Who goes on a home visit: the educator where he works, otherwise the social worker. */
export function visitor(ctx: CaseCtx): string {
  return ctx.educator && ctx.r.chance(0.4) ? ctx.educator : ctx.social;
}

/** Adds a team member to the case (once) with its timeline entry. */
export function assign(ctx: CaseCtx, user: string, at: Date) {
  if (ctx.rows.assignments.some((a) => a.caseId === ctx.story.caseId && a.userId === user)) return;
  ctx.rows.assignments.push({ caseId: ctx.story.caseId, userId: user, schoolId: ctx.s.schoolId, assignedAt: at });
  const member = USERS.find((u) => userId(u.key) === user);
  // Same shape as the app's own assignment events (lib/cases/update-case.ts).
  ctx.story.add("ASSIGNMENT", at, ctx.opener, null, {
    action: "ASSIGN",
    userId: user,
    userName: member?.name ?? "",
    role: member?.role ?? "",
  });
}
