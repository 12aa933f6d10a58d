import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SHARED_SECTIONS } from "../../lib/auth/policy";
import { todayInLima } from "../../lib/format/date";
import { SHARED_SECTIONS } from "../../lib/referrals/packet";
import type { AgencyType } from "../../lib/generated/prisma/enums";
import { agencyId } from "../../prisma/seed/people";
import { bornYearsAgo, unreferredCases, type DemoCase } from "../fixtures/referrals";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// The referral rules the database keeps by itself (migration 20261130110000, decision 015),
// written with raw SQL as a buggy query or a hand-made fix would write them. Each attempt is
// rolled back, so the tests do not depend on one another.

let t: TestDatabase;
let client: pg.Client;
let c: DemoCase;

type PgError = { code?: string; constraint?: string };
const CHECK = "23514";

beforeAll(async () => {
  t = await createTestDatabase({ seeded: true });
  client = new pg.Client({ connectionString: t.url });
  await client.connect();
  [c] = await unreferredCases(t.db, "1000001", 1);
});
afterAll(async () => {
  await client?.end();
  await t.drop();
});

/** The statements' error, or null when PostgreSQL accepted all of them; always rolled back. */
async function attempt(...statements: string[]): Promise<PgError | null> {
  await client.query("BEGIN");
  try {
    for (const sql of statements) await client.query(sql);
    return null;
  } catch (error) {
    return error as PgError;
  } finally {
    await client.query("ROLLBACK");
  }
}

type Columns = Record<string, string>;
/** A referral of case `c` to `agency` (a seed code), with the given columns as SQL literals. */
function insert(agency: string, columns: Columns): string {
  const all: Columns = {
    caseId: `'${c.id}'`,
    schoolId: `'${c.schoolId}'`,
    studentId: `'${c.studentId}'`,
    agencyId: `'${agencyId(agency)}'`,
    reason: "'Motivo'",
    urgency: "'ROUTINE'",
    legalBasis: "'CHILD_PROTECTION_DUTY'",
    legalNorm: "'Ley 30364'",
    sharedSections: "'{IDENTIFICATION}'",
    dueAt: "now()",
    ...columns,
  };
  const names = Object.keys(all).map((k) => `"${k}"`);
  return `INSERT INTO referral (${names.join(", ")}) VALUES (${Object.values(all).join(", ")})`;
}

const AGENCY_OF_TYPE: Record<AgencyType, string> = {
  DEMUNA: "DEMUNA-TRU",
  CEM: "CEM-TRU",
  CSMC: "CSMC-TRU",
  BAPES: "BAPES-TRU",
  UGEL: "UGEL-TRU",
};

describe("[REFERRALS] the database keeps each agency's packet", () => {
  it("referral_packet_within_agency_maximum accepts exactly MAX_SHARED_SECTIONS, section by section, for every agency type", async () => {
    for (const [type, agency] of Object.entries(AGENCY_OF_TYPE) as [AgencyType, string][]) {
      const max: readonly string[] = MAX_SHARED_SECTIONS[type];
      for (const section of SHARED_SECTIONS) {
        const error = await attempt(insert(agency, { sharedSections: `'{IDENTIFICATION,${section}}'` }));
        if (max.includes(section)) expect(error, `${type} ${section}`).toBeNull();
        else
          expect(error, `${type} ${section}`).toMatchObject({
            code: CHECK,
            constraint: "referral_packet_within_agency_maximum",
          });
      }
    }
  });

  it("also on an update, and when a referral is moved to another agency", async () => {
    const bapes = insert("BAPES-TRU", { id: "'00000000-0000-4000-8000-00000000b4e5'" });
    const toSensitive = `UPDATE referral SET "sharedSections" = '{IDENTIFICATION,RISK_SENSITIVE}' WHERE id = '00000000-0000-4000-8000-00000000b4e5'`;
    expect(await attempt(bapes, toSensitive)).toMatchObject({ constraint: "referral_packet_within_agency_maximum" });
    const demuna = insert("DEMUNA-TRU", {
      id: "'00000000-0000-4000-8000-00000000d3a1'",
      sharedSections: "'{IDENTIFICATION,NOTES}'",
    });
    const move = `UPDATE referral SET "agencyId" = '${agencyId("BAPES-TRU")}' WHERE id = '00000000-0000-4000-8000-00000000d3a1'`;
    expect(await attempt(demuna, move)).toMatchObject({ constraint: "referral_packet_within_agency_maximum" });
  });
});

describe("[REFERRALS] the database refuses a referral without the details of its legal basis", () => {
  const guardian = {
    legalBasis: "'GUARDIAN_CONSENT'",
    legalNorm: "NULL",
    consentGivenBy: "'Rosa Quispe'",
    consentRelationship: "'Madre'",
    // Lima's date, as the birth dates below are computed: the server's current_date is UTC's,
    // a day ahead every evening after 19:00 in Lima.
    consentDate: `'${todayInLima()}'`,
    consentMethod: "'WRITTEN'",
  };

  it("referral_guardian_consent_has_details_chk: who, relationship, date and how", async () => {
    const refused = { code: CHECK, constraint: "referral_guardian_consent_has_details_chk" };
    for (const column of ["consentGivenBy", "consentRelationship", "consentDate", "consentMethod"])
      expect(await attempt(insert("DEMUNA-TRU", { ...guardian, [column]: "NULL" })), column).toMatchObject(refused);
    expect(await attempt(insert("DEMUNA-TRU", { ...guardian, consentGivenBy: "'  '" }))).toMatchObject(refused);
    expect(await attempt(insert("DEMUNA-TRU", guardian))).toBeNull();
  });

  it("referral_protection_duty_cites_norm_chk: the norm cited", async () => {
    const refused = { code: CHECK, constraint: "referral_protection_duty_cites_norm_chk" };
    expect(await attempt(insert("DEMUNA-TRU", { legalNorm: "NULL" }))).toMatchObject(refused);
    expect(await attempt(insert("DEMUNA-TRU", { legalNorm: "''" }))).toMatchObject(refused);
  });

  it("referral_adolescent_consent_has_details_chk and referral_adolescent_consent_from_14", async () => {
    const own = {
      ...guardian,
      legalBasis: "'ADOLESCENT_CONSENT'",
      consentGivenBy: "NULL",
      consentRelationship: "NULL",
    };
    const setBirth = (d: Date | null) =>
      `UPDATE student SET "birthDate" = ${d ? `'${d.toISOString().slice(0, 10)}'` : "NULL"} WHERE id = '${c.studentId}'`;
    expect(
      await attempt(setBirth(bornYearsAgo(15)), insert("UGEL-TRU", { ...own, consentMethod: "NULL" })),
    ).toMatchObject({
      code: CHECK,
      constraint: "referral_adolescent_consent_has_details_chk",
    });
    const under14 = { code: CHECK, constraint: "referral_adolescent_consent_from_14" };
    expect(await attempt(setBirth(bornYearsAgo(14, 1)), insert("UGEL-TRU", own))).toMatchObject(under14);
    expect(await attempt(setBirth(null), insert("UGEL-TRU", own))).toMatchObject(under14);
    expect(await attempt(setBirth(bornYearsAgo(14)), insert("UGEL-TRU", own))).toBeNull();
  });

  it("referral_closed_has_next_steps_chk: a closed referral says what comes next and whether the school takes it back", async () => {
    const closed = {
      status: "'CLOSED'",
      counterReferral: "'Atención brindada.'",
      closedAt: "now()",
      counterReferralNextSteps: "'Seguimiento mensual.'",
      caseReturnsToSchool: "true",
    };
    const refused = { code: CHECK, constraint: "referral_closed_has_next_steps_chk" };
    expect(await attempt(insert("DEMUNA-TRU", { ...closed, counterReferralNextSteps: "NULL" }))).toMatchObject(refused);
    expect(await attempt(insert("DEMUNA-TRU", { ...closed, caseReturnsToSchool: "NULL" }))).toMatchObject(refused);
    expect(await attempt(insert("DEMUNA-TRU", closed))).toBeNull();
  });

  it("every seeded referral carries its basis's details", async () => {
    const missing = await t.db.referral.count({
      where: {
        OR: [
          { legalBasis: "GUARDIAN_CONSENT", OR: [{ consentGivenBy: null }, { consentDate: null }] },
          { legalBasis: "CHILD_PROTECTION_DUTY", legalNorm: null },
        ],
      },
    });
    expect(missing).toBe(0);
    expect(await t.db.referral.count({ where: { legalBasis: "GUARDIAN_CONSENT" } })).toBeGreaterThan(0);
    expect(await t.db.referral.count({ where: { legalBasis: "CHILD_PROTECTION_DUTY" } })).toBeGreaterThan(0);
  });
});
