import "server-only";
import { db } from "../db";
import { writeAudit } from "../audit/write-audit";
import { authorize } from "../auth/authorize";
import { schoolWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { AppError } from "../errors/app-error";
import { enqueueSchoolRecompute, prismaJobDb } from "../jobs/enqueue";
import { parseOrThrow } from "../actions/parse";
import { COMPUTED_KINDS, DEFAULT_RULES, ZUpdateAlertRuleSchema, type ComputedKind } from "./schema";

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

export async function updateAlertRule(user: SessionUser | null, input: unknown, origin?: RequestOrigin) {
  authorize(user, "alertRules.write");
  const v = parseOrThrow(ZUpdateAlertRuleSchema, input, { notFoundFields: ["schoolId"] });
  const windowDays = v.kind === "UNJUSTIFIED_RATE" ? (v.windowDays ?? null) : null;
  const data = { threshold: v.threshold, windowDays, active: v.active };
  await db.$transaction(async (tx) => {
    const school = await tx.school.findFirst({
      where: { AND: [{ id: v.schoolId }, schoolWhere(user)] },
      select: { id: true },
    });
    if (!school) throw new AppError("NOT_FOUND", "school.notFound");
    const before = await tx.alertRule.findUnique({ where: { schoolId_kind: { schoolId: v.schoolId, kind: v.kind } } });
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
          before: before ? { threshold: before.threshold, windowDays: before.windowDays, active: before.active } : null,
          after: data,
        },
      },
      origin,
    );
    // The school's recompute under the new rule, queued by this transaction (lib/jobs).
    await enqueueSchoolRecompute(prismaJobDb(tx), v.schoolId);
  });
  return { schoolId: v.schoolId, kind: v.kind };
}
