import type { CaseCtx } from "./context";
import { stream } from "./random";
import { CASE_NOTES, CLOSE_NOTES } from "./texts";
import { fits, later, workdayAfter } from "./timeline";

// Where evaluated cases end up once referrals have answered: students attended by an agency
// (a referral accepted, in progress or closed) go to monitoring, and those whose referral
// closed and whose absences were all early in the term are closed as reintegrated.

const MAX_REINTEGRATED = 12;

export function closeEvaluatedCases(ctxs: CaseCtx[]) {
  const r = stream("outcomes");
  let reintegrated = 0;
  for (const ctx of ctxs) {
    const { story, s } = ctx;
    const refs = ctx.rows.referrals.filter((x) => x.caseId === story.caseId);
    const attended = refs.some((x) => x.status === "ACCEPTED" || x.status === "IN_PROGRESS" || x.status === "CLOSED");
    const lastClosed = refs
      .flatMap((x) => (x.closedAt ? [new Date(x.closedAt)] : []))
      .sort((a, b) => b.getTime() - a.getTime())[0];
    if (lastClosed && s.group === "G1" && reintegrated < MAX_REINTEGRATED) {
      const monitoring = workdayAfter(lastClosed, r.int(1, 3), "12:00");
      const close = later(workdayAfter(monitoring, r.int(7, 14), "11:00"), workdayAfter(ctx.lastAlertAt, 1, "11:00"));
      if (fits(monitoring)) story.move("MONITORING", monitoring, ctx.social, CASE_NOTES.monitoring);
      if (fits(close)) {
        story.move("CLOSED", close, ctx.social, CLOSE_NOTES.REINTEGRATED, "REINTEGRATED");
        reintegrated++;
      }
      continue;
    }
    if ((attended || refs.length === 0) && r.chance(0.5)) {
      const monitoring = workdayAfter(story.last, r.int(7, 20), "12:00");
      if (fits(monitoring)) {
        story.move("MONITORING", monitoring, ctx.social, CASE_NOTES.monitoring);
        continue;
      }
    }
    const note = workdayAfter(story.last, r.int(3, 10), "12:30");
    if (fits(note)) story.add("NOTE", note, ctx.educator ?? ctx.social, CASE_NOTES.followUp);
  }
}
