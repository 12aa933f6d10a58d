import type { Prisma } from "../../lib/generated/prisma/client";
import { dateOnly, limaAt } from "./calendar";
import { SCHOOLS, schoolId } from "./people";
import { seedUuid } from "./random";
import { DEFAULT_RULES, type FiredAlert } from "./rules";
import type { StudentPlan } from "./types";

// Alert rules (the defaults, per school) and the Alert rows the attendance fires.

export const ruleId = (school: string, kind: string) => seedUuid("rule", school, kind);

export function alertRuleRows(): Prisma.AlertRuleCreateManyInput[] {
  return SCHOOLS.flatMap((s) =>
    DEFAULT_RULES.map((rule) => ({
      id: ruleId(s.codigo, rule.kind),
      schoolId: schoolId(s.codigo),
      kind: rule.kind,
      threshold: rule.threshold,
      windowDays: rule.windowDays,
    })),
  );
}

/** Alerts are computed each school day in the evening, after attendance is in. */
export function alertCreatedAt(a: FiredAlert): Date {
  return limaAt(a.firedOn, "19:00");
}

export const alertId = (s: StudentPlan, a: FiredAlert) => seedUuid("alert", s.index, a.kind);

/** Alerts in creation order; the first one is what a case is opened from. */
export function sortedAlerts(s: StudentPlan): FiredAlert[] {
  return [...s.alerts].sort((a, b) => a.firedOn.localeCompare(b.firedOn) || a.kind.localeCompare(b.kind));
}

export type AlertLink = { caseId: string; resolvedById: string; openedAt: Date };

/** OPEN alerts (unique openKey) without a case; CASE_OPENED alerts linked to the case. */
export function alertRows(s: StudentPlan, link: AlertLink | null): Prisma.AlertCreateManyInput[] {
  return sortedAlerts(s).map((a) => {
    const createdAt = alertCreatedAt(a);
    return {
      id: alertId(s, a),
      schoolId: s.schoolId,
      studentId: s.id,
      ruleId: ruleId(s.school, a.kind),
      kind: a.kind,
      status: link ? "CASE_OPENED" : "OPEN",
      openKey: link ? null : `${s.id}:${a.kind}`,
      figures: a.figures,
      firstDate: dateOnly(a.firstDate),
      lastDate: dateOnly(a.lastDate),
      createdAt,
      ...(link
        ? {
            caseId: link.caseId,
            // Alerts raised while the case is already open are attached by the system.
            resolvedById: createdAt <= link.openedAt ? link.resolvedById : null,
            resolvedAt: createdAt > link.openedAt ? createdAt : link.openedAt,
          }
        : {}),
    };
  });
}
