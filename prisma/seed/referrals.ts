import type {
  AgencyType,
  LegalBasis,
  ReferralStatus,
  ReferralUrgency,
  SharedSection,
} from "../../lib/generated/prisma/enums";
import { MAX_SHARED_SECTIONS } from "../../lib/auth/policy";
import { dueAtFor, REFERRAL_RESPONSE_HOURS } from "../../lib/referrals/deadlines";
import type { Prisma } from "../../lib/generated/prisma/client";
import { dateOnly, limaDayOf, SEED_NOW } from "./calendar";
import type { CaseCtx } from "./context";
import { AGENCIES, agencyCodeFor, agencyId, agencyUserKey, userId } from "./people";
import { seedUuid, stream } from "./random";
import { COUNTER_REFERRALS, NEXT_STEPS, REFERRAL_REASONS, REJECTION_REASONS } from "./texts";
import { fits, later, workdayAfter } from "./timeline";

// Referrals of 45 evaluated students to the agencies of their territory, chosen by the risk
// answers. Per agency, older referrals are further along (CLOSED, IN_PROGRESS, REJECTED,
// ACCEPTED) and the newest wait as SENT — at least two at every agency with a demo account,
// every other SENT one past its deadline.

const REFERRED_STUDENTS = 45;
const STATUS_CYCLE: ReferralStatus[] = [
  "CLOSED",
  "IN_PROGRESS",
  "REJECTED",
  "CLOSED",
  "ACCEPTED",
  "IN_PROGRESS",
  "CLOSED",
];

/** The data packet each agency receives (a subset of MAX_SHARED_SECTIONS in lib/auth/policy.ts). */
const SHARED: Record<AgencyType, SharedSection[]> = {
  DEMUNA: ["IDENTIFICATION", "CONTACT", "ATTENDANCE", "HOME_VISITS", "RISK_SUMMARY", "RISK_ANSWERS", "RISK_SENSITIVE"],
  CEM: ["IDENTIFICATION", "CONTACT", "HOME_VISITS", "RISK_SUMMARY", "RISK_ANSWERS", "RISK_SENSITIVE"],
  CSMC: ["IDENTIFICATION", "CONTACT", "ATTENDANCE", "RISK_SUMMARY", "RISK_ANSWERS", "RISK_SENSITIVE", "NOTES"],
  UGEL: ["IDENTIFICATION", "CONTACT", "ATTENDANCE", "RISK_SUMMARY"],
  BAPES: ["IDENTIFICATION", "CONTACT", "ATTENDANCE"],
};

const URGENCY_ES: Record<ReferralUrgency, string> = { URGENT: "urgente", PRIORITY: "prioritaria", ROUTINE: "regular" };

type Draft = {
  ctx: CaseCtx;
  type: AgencyType;
  agency: string;
  base: Date;
  urgency: ReferralUrgency;
  legalBasis: LegalBasis;
  legalBasisNote: string;
  /** The basis's details: the guardian's written consent that day, or the norm cited. */
  basis: Pick<
    Prisma.ReferralCreateManyInput,
    "consentGivenBy" | "consentRelationship" | "consentDate" | "consentMethod" | "legalNorm"
  >;
  createdBy: string;
  status: ReferralStatus;
};

function candidates(ctx: CaseCtx): AgencyType[] {
  const p = (code: string) => ctx.answers![code] === "PRESENT";
  const out: AgencyType[] = [];
  if (p("child_abuse_victim") || p("family_violence_victim") || p("limited_parenting_skills")) out.push("DEMUNA");
  if (p("family_violence_victim")) out.push("CEM");
  if (p("illegal_substance_use") || p("anger_management_difficulty") || p("low_empathy")) out.push("CSMC");
  if (p("friends_linked_to_crime") || p("violence_favoring_activities")) out.push("BAPES");
  if (p("low_academic_performance") || p("low_academic_motivation") || p("little_constructive_free_time"))
    out.push("UGEL");
  return out.length ? out : ["UGEL"];
}

function draftReferrals(ctxs: CaseCtx[]): Draft[] {
  const r = stream("referrals");
  const byLevel = (l: string) => r.shuffle(ctxs.filter((c) => c.level === l));
  const referred = [...byLevel("HIGH"), ...byLevel("MODERATE"), ...byLevel("LOW")]
    .slice(0, REFERRED_STUDENTS)
    .sort((a, b) => a.s.index - b.s.index);
  const used = new Map<string, number>();
  const drafts: Draft[] = [];
  for (const ctx of referred) {
    const options = candidates(ctx);
    let base = workdayAfter(ctx.interventionAt!, r.int(0, 3), r.pick(["10:30", "12:00", "16:00"]));
    for (let k = 0; k < (r.chance(0.4) ? 2 : 1) && options.length; k++) {
      const type = options.reduce((best, t) =>
        (used.get(agencyCodeFor(ctx.s.school, t)) ?? 0) < (used.get(agencyCodeFor(ctx.s.school, best)) ?? 0) ? t : best,
      );
      options.splice(options.indexOf(type), 1);
      const agency = agencyCodeFor(ctx.s.school, type);
      used.set(agency, (used.get(agency) ?? 0) + 1);
      if (k > 0) base = workdayAfter(base, r.int(2, 6), "11:00");
      if (!fits(base)) break;
      const p = (code: string) => ctx.answers![code] === "PRESENT";
      const protection =
        (type === "DEMUNA" || type === "CEM") && (p("child_abuse_victim") || p("family_violence_victim"));
      const urgency: ReferralUrgency =
        protection && p("child_abuse_victim") ? "URGENT" : type === "UGEL" || type === "BAPES" ? "ROUTINE" : "PRIORITY";
      const day = limaDayOf(base);
      drafts.push({
        ctx,
        type,
        agency,
        base,
        urgency,
        legalBasis: protection ? "CHILD_PROTECTION_DUTY" : "GUARDIAN_CONSENT",
        legalBasisNote: protection
          ? "Deber de protección: indicios de violencia contra un menor de edad (Código de los Niños y Adolescentes)."
          : `Consentimiento firmado por la apoderada (${ctx.s.guardianRelationship.toLowerCase()}) el ${day.slice(8)}/${day.slice(5, 7)}/${day.slice(0, 4)}.`,
        basis: protection
          ? {
              legalNorm: p("family_violence_victim")
                ? "Ley 30364 (violencia contra las mujeres y los integrantes del grupo familiar)"
                : "Código de los Niños y Adolescentes (Ley 27337)",
            }
          : {
              consentGivenBy: ctx.s.guardianName,
              consentRelationship: ctx.s.guardianRelationship,
              consentDate: dateOnly(day),
              consentMethod: "WRITTEN",
            },
        createdBy: r.chance(0.7) ? ctx.social : ctx.psychologist,
        status: "SENT",
      });
    }
  }
  return drafts;
}

function assignStatuses(drafts: Draft[]) {
  for (const { code } of AGENCIES) {
    const mine = drafts.filter((d) => d.agency === code).sort((a, b) => a.base.getTime() - b.base.getTime());
    const waiting = agencyUserKey(code) ? Math.min(2, mine.length) : mine.length >= 3 ? 1 : 0;
    mine.forEach((d, i) => (d.status = i >= mine.length - waiting ? "SENT" : STATUS_CYCLE[i % STATUS_CYCLE.length]));
  }
}

const hours = (h: number) => h * 3_600_000;
const toMinute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000);

export function planReferrals(ctxs: CaseCtx[]) {
  const r = stream("referrals:timing");
  const drafts = draftReferrals(ctxs);
  assignStatuses(drafts);
  let sentSeen = 0;
  for (const [n, d] of drafts.entries()) {
    const { ctx } = d;
    const window = REFERRAL_RESPONSE_HOURS[d.urgency];
    const agencyName = AGENCIES.find((a) => a.code === d.agency)!.name;
    const responder = agencyUserKey(d.agency) ? userId(agencyUserKey(d.agency)!) : null;
    let status = d.status;
    let sentAt = d.base;
    if (status === "SENT") {
      const overdue = sentSeen++ % 2 === 0;
      const ago = overdue ? hours(window + r.int(4, 60)) : hours(window * (0.1 + 0.6 * r.float()));
      sentAt = later(toMinute(new Date(SEED_NOW.getTime() - ago)), d.base);
    }
    const late = r.chance(0.2);
    const respondedAt = toMinute(
      new Date(sentAt.getTime() + hours(window * (late ? 1.2 + 0.8 * r.float() : 0.1 + 0.8 * r.float()))),
    );
    const progressAt = workdayAfter(respondedAt, r.int(1, 5), "10:00");
    const closedAt = workdayAfter(progressAt, r.int(5, 20), "17:00");
    if (status !== "SENT" && !fits(respondedAt)) status = "SENT";
    if (status === "CLOSED" && !fits(closedAt)) status = "IN_PROGRESS";
    if (status === "IN_PROGRESS" && !fits(progressAt)) status = "ACCEPTED";
    const shared = SHARED[d.type];
    if (!shared.every((x) => (MAX_SHARED_SECTIONS[d.type] as readonly string[]).includes(x)))
      throw new Error(`over-sharing with ${d.type}`);

    const id = seedUuid("referral", n);
    const answered = status !== "SENT";
    ctx.rows.referrals.push({
      id,
      caseId: ctx.story.caseId,
      schoolId: ctx.s.schoolId,
      studentId: ctx.s.id,
      agencyId: agencyId(d.agency),
      reason: REFERRAL_REASONS[d.type],
      urgency: d.urgency,
      legalBasis: d.legalBasis,
      legalBasisNote: d.legalBasisNote,
      ...d.basis,
      sharedSections: shared,
      status,
      dueAt: dueAtFor(d.urgency, sentAt),
      sentAt,
      respondedAt: answered ? respondedAt : null,
      rejectionReason: status === "REJECTED" ? r.pick(REJECTION_REASONS) : null,
      counterReferral: status === "CLOSED" ? COUNTER_REFERRALS[d.type] : null,
      counterReferralNextSteps: status === "CLOSED" ? NEXT_STEPS[d.type].text : null,
      caseReturnsToSchool: status === "CLOSED" ? NEXT_STEPS[d.type].returnsToSchool : null,
      closedAt: status === "CLOSED" ? closedAt : null,
      createdById: d.createdBy,
      respondedById: answered ? responder : null,
      version:
        1 + (!answered ? 0 : status === "ACCEPTED" || status === "REJECTED" ? 1 : status === "IN_PROGRESS" ? 2 : 3),
    });
    const { story } = ctx;
    const data = (s: ReferralStatus) => ({ referralId: id, agencyId: agencyId(d.agency), status: s });
    story.add("REFERRAL", sentAt, d.createdBy, `Derivación a ${agencyName} (${URGENCY_ES[d.urgency]}).`, {
      ...data("SENT"),
      urgency: d.urgency,
    });
    if (status === "REJECTED")
      story.add("REFERRAL_UPDATE", respondedAt, responder, `${agencyName} rechazó la derivación.`, data("REJECTED"));
    if (answered && status !== "REJECTED")
      story.add("REFERRAL_UPDATE", respondedAt, responder, `${agencyName} aceptó la derivación.`, data("ACCEPTED"));
    if (status === "IN_PROGRESS" || status === "CLOSED")
      story.add("REFERRAL_UPDATE", progressAt, responder, `${agencyName}: caso en atención.`, data("IN_PROGRESS"));
    if (status === "CLOSED")
      story.add(
        "REFERRAL_UPDATE",
        closedAt,
        responder,
        `${agencyName} cerró la atención y envió la contrarreferencia.`,
        data("CLOSED"),
      );
  }
}
