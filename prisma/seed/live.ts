import { REFERRAL_RESPONSE_HOURS } from "../../lib/referrals/deadlines";
import { LOAD_START } from "./calendar";
import type { CaseCtx } from "./context";
import { stream } from "./random";
import { later } from "./timeline";

// What must look current whenever the demo is opened: the referrals still waiting for an
// agency's answer. The story decides which referrals are still SENT as of SEED_NOW (the last
// Monday before the load day); here, once every decision is taken, those waiting are sent again
// relative to the load day (00:00 Lima), so a visitor on any day of the week finds, among
// them, referrals already overdue, some due within the day and some still on time, besides
// those answered and closed. Every other row keeps its date. Nothing moves past the load day's
// first instant, so a demo loaded at any hour has no event in the future.

const HOUR = 3_600_000;
/** No referral is sent within the last hour before the load day starts. */
const LAST_SEND = HOUR;

const toMinute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000);

export function placeWaitingReferrals(ctxs: CaseCtx[]) {
  const r = stream("referrals:live");
  const start = LOAD_START.getTime();
  const waitingAt = new Map<string, number>();
  for (const ctx of ctxs) {
    for (const ref of ctx.rows.referrals.filter((x) => x.caseId === ctx.story.caseId && x.status === "SENT")) {
      const window = REFERRAL_RESPONSE_HOURS[ref.urgency] * HOUR;
      // Per agency, alternately past its deadline (4 to 60 hours ago) and still running (30 to
      // 90 % of the window left at the start of the load day: an urgent one falls due during
      // that day), starting overdue: every agency's inbox has an overdue referral to follow up.
      const seen = waitingAt.get(ref.agencyId) ?? 0;
      waitingAt.set(ref.agencyId, seen + 1);
      const overdue = seen % 2 === 0;
      const dueIn = overdue ? -r.int(4, 60) * HOUR : window * (0.3 + 0.6 * r.float());
      // Never before the story's own sending time (after the team decided to refer).
      const earliest = new Date(ref.sentAt as Date | string);
      const sentAt = later(toMinute(new Date(Math.min(start + dueIn - window, start - LAST_SEND))), earliest);
      ref.sentAt = sentAt;
      ref.dueAt = new Date(sentAt.getTime() + window);
      const event = ctx.story.events.find(
        (e) => e.type === "REFERRAL" && (e.data as { referralId?: string } | undefined)?.referralId === ref.id,
      );
      if (!event) throw new Error(`referral ${ref.id} has no timeline entry`);
      event.occurredAt = sentAt;
      ctx.story.last = later(ctx.story.last, sentAt);
    }
  }
}
