import { describe, expect, it } from "vitest";
import type { AgencyType, Role } from "../generated/prisma/enums";
import { caseWhere, referralWhere, riskAnswerWhere, riskEvaluationWhere, riskItemWhere, studentWhere } from "./scope";
import type { SessionUser } from "./types";

const user = (role: Role, extra: Partial<SessionUser> = {}): SessionUser => ({
  id: "u",
  email: "u@x.pe",
  name: "U",
  role,
  locale: "es",
  schoolIds: ["s1"],
  agencyId: null,
  agencyType: null,
  ...extra,
});
const agency = (agencyType: AgencyType | null) => user("AGENCY_STAFF", { schoolIds: [], agencyId: "a1", agencyType });
const NOTHING = { id: { in: [] } };
const PLAIN = { sensitiveCategory: null };
const ALL_RISK = ["RISK_SUMMARY", "RISK_ANSWERS", "RISK_SENSITIVE"];

describe("[SCOPE] riskItemWhere", () => {
  it("school side: sensitive answers only for the psychologist; none for the educator and the director", () => {
    expect(riskItemWhere(user("PSYCHOLOGIST"))).toEqual({});
    expect(riskItemWhere(user("SOCIAL_WORKER"))).toEqual(PLAIN);
    for (const role of ["EDUCATOR", "DIRECTOR", "TUTOR", "COORDINATOR", "ADMIN"] as const)
      expect(riskItemWhere(user(role))).toEqual(NOTHING);
  });

  it("[RISK] the social worker also reads the sensitive answers of an evaluation that shares them; no one else does", () => {
    expect(riskAnswerWhere(user("SOCIAL_WORKER"))).toEqual({
      OR: [{ item: PLAIN }, { evaluation: { shareSensitiveWithSocialWorker: true } }],
    });
    expect(riskAnswerWhere(user("PSYCHOLOGIST"))).toEqual({ item: {} });
    for (const role of ["EDUCATOR", "DIRECTOR", "TUTOR", "COORDINATOR", "ADMIN"] as const)
      expect(riskAnswerWhere(user(role))).toEqual({ item: NOTHING });
    expect(riskAnswerWhere(agency("CEM"), ["RISK_ANSWERS"])).toEqual({ item: PLAIN });
    expect(riskAnswerWhere(agency("BAPES"), ALL_RISK)).toEqual({ item: NOTHING });
  });

  it("[RISK] a draft is seen by its author only; everyone else sees signed evaluations", () => {
    expect(riskEvaluationWhere(user("PSYCHOLOGIST"))).toEqual({
      OR: [{ status: "SIGNED" }, { status: "DRAFT", evaluatorId: "u" }],
    });
    for (const role of ["SOCIAL_WORKER", "EDUCATOR", "DIRECTOR"] as const)
      expect(riskEvaluationWhere(user(role))).toEqual({ status: "SIGNED" });
  });

  it("agencies: nothing unless RISK_ANSWERS is shared; sensitive only when shared too", () => {
    expect(riskItemWhere(agency("DEMUNA"), ["IDENTIFICATION"])).toEqual(NOTHING);
    expect(riskItemWhere(agency("DEMUNA"), ["RISK_ANSWERS"])).toEqual(PLAIN);
    expect(riskItemWhere(agency("CEM"), ALL_RISK)).toEqual({});
  });

  it("[REFERRALS] PNP/Bapes never get sensitive answers, whatever the referral lists", () => {
    expect(riskItemWhere(agency("BAPES"), ALL_RISK)).toEqual(NOTHING);
  });

  it("an agency's maximum packet caps what a referral lists; unknown agency type gets nothing", () => {
    expect(riskItemWhere(agency("UGEL"), ALL_RISK)).toEqual(NOTHING);
    expect(riskItemWhere(agency(null), ALL_RISK)).toEqual(NOTHING);
  });
});

describe("[SCOPE] where-builders deny by default", () => {
  it("agency staff without an agency see no case nor referral", () => {
    const orphan = user("AGENCY_STAFF", { schoolIds: [], agencyId: null });
    expect(caseWhere(orphan)).toEqual(NOTHING);
    expect(referralWhere(orphan)).toEqual(NOTHING);
  });

  it("coordinator and admin get no named students and no cases", () => {
    for (const role of ["COORDINATOR", "ADMIN"] as const) {
      expect(studentWhere(user(role))).toEqual(NOTHING);
      expect(caseWhere(user(role))).toEqual(NOTHING);
    }
  });

  it("school-bound roles are limited to their schools; agency staff to their agency's referrals", () => {
    expect(caseWhere(user("DIRECTOR"))).toEqual({ schoolId: { in: ["s1"] } });
    // Only through a referral still open: REJECTED and CLOSED open nothing of the case.
    expect(caseWhere(agency("DEMUNA"))).toEqual({
      referrals: { some: { agencyId: "a1", status: { in: ["SENT", "ACCEPTED", "IN_PROGRESS"] } } },
    });
  });
});
