import { MAX_SHARED_SECTIONS } from "../auth/policy";
import type { AgencyType, ReferralStatus, SharedSection } from "../generated/prisma/enums";
import { studentName } from "../visits/student-name";

// How a referral names its student to each reader. The school side reads the name. An agency
// reads it while its referral is open and shares IDENTIFICATION; once closed, only initials
// (its own record of the counter-referral, no longer the case); after a rejection, nothing.

export type StudentLabel = { kind: "name" | "initials"; text: string };
export type StudentNameParts = { paternalSurname: string; maternalSurname: string | null; givenNames: string };

/** "Q. P., A." for "Quispe Prueba, Ana": enough for the agency to match its own file. */
export function initialsOf(s: StudentNameParts): string {
  const first = (w: string) => `${w.trim().charAt(0).toUpperCase()}.`;
  const surnames = [s.paternalSurname, s.maternalSurname].filter((w): w is string => Boolean(w?.trim()));
  const given = s.givenNames.split(/\s+/).filter(Boolean);
  return `${surnames.map(first).join(" ")}, ${given.map(first).join(" ")}`;
}

export type AgencyStudentView = "name" | "initials" | null;

/** What an agency of `type` reads of the student of a referral in `status` sharing `shared`. */
export function agencyStudentView(
  type: AgencyType,
  status: ReferralStatus,
  shared: readonly SharedSection[],
): AgencyStudentView {
  if (status === "REJECTED") return null;
  if (status === "CLOSED") return "initials";
  const max: readonly string[] = MAX_SHARED_SECTIONS[type];
  return shared.includes("IDENTIFICATION") && max.includes("IDENTIFICATION") ? "name" : null;
}

export function studentLabel(view: AgencyStudentView | "name", s: StudentNameParts): StudentLabel | null {
  if (view === "name") return { kind: "name", text: studentName(s) };
  if (view === "initials") return { kind: "initials", text: initialsOf(s) };
  return null;
}
