import "server-only";
import type { Tx } from "../db";
import type { AgencyType } from "../generated/prisma/enums";

// Which agency instances a school may refer to: the active ones of the school's district; for
// an agency type with no office in the district, the active ones of the same region (the rule
// of lib/tasks/urgent-referral.ts findServingAgency, applied to every type).

export type ServingAgency = { id: string; name: string; type: AgencyType; district: string };

const TYPE_ORDER: AgencyType[] = ["DEMUNA", "CEM", "CSMC", "BAPES", "UGEL"];

export async function listServingAgencies(tx: Tx, schoolId: string): Promise<ServingAgency[]> {
  const school = await tx.school.findUnique({ where: { id: schoolId }, select: { region: true, district: true } });
  if (!school) return [];
  const inRegion = await tx.agency.findMany({
    where: { active: true, region: school.region },
    select: { id: true, name: true, type: true, district: true },
    orderBy: { name: "asc" },
  });
  const local = inRegion.filter((a) => a.district === school.district);
  const localTypes = new Set(local.map((a) => a.type));
  const chosen = [...local, ...inRegion.filter((a) => !localTypes.has(a.type))];
  return chosen.sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.name.localeCompare(b.name));
}
