import "server-only";
import { db } from "../db";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { schoolWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { AppError } from "../errors/app-error";
import { enqueueSchoolRecompute, prismaJobDb } from "../jobs/enqueue";
import { parseOrThrow } from "../actions/parse";
import {
  COMPUTED_KINDS,
  DEFAULT_RULES,
  ZUpdateAlertRuleSchema,
  ZUpdateAlertRulesSchema,
  type ComputedKind,
  type TUpdateAlertRuleSchema,
} from "./schema";

// Alert rules per school: ADMIN edits them, DIRECTOR reads their school's.

export type RuleView = {
  kind: ComputedKind;
  threshold: number;
  windowDays: number | null;
  active: boolean;
  isDefault: boolean;
};
export type SchoolRules = { id: string; name: string; codigoModular: string; rules: RuleView[] };

/** Every school in scope with its four rules; a rule not yet written shows its default. */
export async function listAlertRules(user: SessionUser | null): Promise<SchoolRules[]> {
  authorize(user, "alertRules.read");
  const schools = await db.school.findMany({
    where: schoolWhere(user),
    orderBy: { codigoModular: "asc" },
    select: {
      id: true,
      name: true,
      codigoModular: true,
      alertRules: { select: { kind: true, threshold: true, windowDays: true, active: true } },
    },
  });
  return schools.map((s) => ({
    id: s.id,
    name: s.name,
    codigoModular: s.codigoModular,
    rules: COMPUTED_KINDS.map((kind) => {
      const row = s.alertRules.find((r) => r.kind === kind);
      return row ? { ...row, kind, isDefault: false } : { kind, ...DEFAULT_RULES[kind], active: true, isDefault: true };
    }),
  }));
}

/** One rule of one school (the command line and older callers); see updateAlertRules. */
export async function updateAlertRule(user: SessionUser | null, input: unknown, origin?: RequestOrigin) {
  authorize(user, "alertRules.write");
  const v = parseOrThrow(ZUpdateAlertRuleSchema, input, { notFoundFields: ["schoolId"] });
  await saveRules(user, [v], origin);
  return { schoolId: v.schoolId, kind: v.kind };
}

/**
 * The administrator's rule table in one save: only the rules whose values changed are written,
 * each audited with its previous values, and each school with a change gets its recompute.
 */
export async function updateAlertRules(user: SessionUser | null, input: unknown, origin?: RequestOrigin) {
  authorize(user, "alertRules.write");
  const { rules } = parseOrThrow(ZUpdateAlertRulesSchema, input);
  return { changed: await saveRules(user, rules, origin) };
}

type RuleInput = TUpdateAlertRuleSchema;

async function saveRules(user: SessionUser, rules: RuleInput[], origin?: RequestOrigin): Promise<number> {
  const schoolIds = [...new Set(rules.map((r) => r.schoolId))];
  return db.$transaction(async (tx) => {
    const schools = await tx.school.findMany({
      where: { AND: [{ id: { in: schoolIds } }, schoolWhere(user)] },
      select: { id: true, alertRules: { select: { kind: true, threshold: true, windowDays: true, active: true } } },
    });
    if (schools.length !== schoolIds.length) throw new AppError("NOT_FOUND", "school.notFound");
    const stored = new Map(schools.flatMap((s) => s.alertRules.map((r) => [`${s.id}:${r.kind}`, r] as const)));
    const touched = new Set<string>();
    let changed = 0;
    for (const v of rules) {
      const data = {
        threshold: v.threshold,
        windowDays: v.kind === "UNJUSTIFIED_RATE" ? (v.windowDays ?? null) : null,
        active: v.active,
      };
      const before = stored.get(`${v.schoolId}:${v.kind}`) ?? null;
      const current = before ?? { ...DEFAULT_RULES[v.kind], active: true };
      const same =
        current.threshold === data.threshold &&
        current.windowDays === data.windowDays &&
        current.active === data.active;
      // A rule still at its default and submitted unchanged is not written: nothing changes.
      if (same) continue;
      const rule = await tx.alertRule.upsert({
        where: { schoolId_kind: { schoolId: v.schoolId, kind: v.kind } },
        create: { schoolId: v.schoolId, kind: v.kind, ...data },
        update: data,
      });
      await writeAudit(
        tx,
        user,
        {
          action: "alertRule.update",
          entity: "AlertRule",
          entityId: rule.id,
          schoolId: v.schoolId,
          details: {
            kind: v.kind,
            before: before
              ? { threshold: before.threshold, windowDays: before.windowDays, active: before.active }
              : null,
            after: data,
          },
        },
        origin,
      );
      touched.add(v.schoolId);
      changed++;
    }
    // Each changed school's recompute under its new rules, queued by this transaction (lib/jobs).
    for (const schoolId of touched) await enqueueSchoolRecompute(prismaJobDb(tx), schoolId);
    return changed;
  });
}
