import type { Tx } from "../../lib/db";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { DocumentType, Sex } from "../../lib/generated/prisma/enums";
import type { SchoolCode } from "./people";
import type { PatternGroup } from "./patterns";
import type { FiredAlert } from "./rules";

export type SeedTx = Tx;

/**
 * What happens to an alerted student in the demo story:
 * OPEN_ALERT   alert still in the director's inbox, no case;
 * NEW_CASE     case opened in November, first contact pending or failed;
 * UNREACHED    home visits attempted, nobody reached (the pilot's address problem);
 * REACHED      reached at home, not (yet) evaluated;
 * EVALUATED    reached and evaluated with the v1 risk form (some referred).
 */
export type Track = "OPEN_ALERT" | "NEW_CASE" | "UNREACHED" | "REACHED" | "EVALUATED";

export type StudentPlan = {
  index: number;
  id: string;
  school: SchoolCode;
  schoolId: string;
  grade: number;
  section: string;
  sex: Sex;
  documentType: DocumentType;
  documentNumber: string | null;
  paternalSurname: string;
  maternalSurname: string;
  givenNames: string;
  birthDate: string;
  addressStreet: string;
  addressReference: string | null;
  addressDistrict: string;
  addressVerifiedAt: string | null;
  phone: string | null;
  phoneVerifiedAt: string | null;
  guardianName: string;
  guardianRelationship: string;
  guardianPhone: string | null;
  guardianVerifiedAt: string | null;
  /** One letter per school day (see rules.ts). */
  attendance: string;
  track: Track | null;
  group: PatternGroup | null;
  alerts: FiredAlert[];
};

/** Every row the case side of the seed writes, ready for createMany. */
export type CaseRows = {
  cases: Prisma.CaseCreateManyInput[];
  assignments: Prisma.CaseAssignmentCreateManyInput[];
  alerts: Prisma.AlertCreateManyInput[];
  events: Prisma.CaseEventCreateManyInput[];
  visits: Prisma.HomeVisitCreateManyInput[];
  contacts: Prisma.ContactAttemptCreateManyInput[];
  addressHistory: Prisma.StudentAddressHistoryCreateManyInput[];
  evaluations: Prisma.RiskEvaluationCreateManyInput[];
  answers: Prisma.RiskAnswerCreateManyInput[];
  referrals: Prisma.ReferralCreateManyInput[];
};
