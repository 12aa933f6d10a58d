import pg from "pg";
import { todayInLima } from "../../lib/format/date";

// Who the 20 users of `npm run bench:load` are and what each one works on, prepared in a fresh
// copy of the UGEL data set (pages-data.ts) before every run, so both runs start from the same
// rows and every save of the run can be found again afterwards (load-verify.ts).
//   5 tutors      open a section's sheet, save it, open the student list (a section a round);
//   5 directors   home, students, alerts, cases, a student's record;
//   6 case team   cases, a case page, a visit's page, its outcome (visits planned for the run);
//   4 agencies    referral inbox, a referral, its acceptance (referrals sent for the run).

export type UserKind = "tutor" | "director" | "caseTeam" | "agency";

export type Section = { schoolId: string; grade: number; section: string; studentIds: string[] };

export type LoadUser = {
  email: string;
  kind: UserKind;
  /** Tutors: the sections of their school, saved in turn. */
  sections: Section[];
  /** Directors: students whose record they open; the case team: cases of theirs. */
  recordIds: string[];
  /** The case team: visits planned for the run; agencies: referrals sent for the run. */
  workIds: string[];
};

export type LoadPlan = { users: LoadUser[]; day: string };

/** Per case-team member and per agency: more than a 60 s run can use at the rates seen. */
export const PREPARED_PER_USER = 400;
const PURPOSE = "Seguimiento de asistencia (prueba de carga)";

const pad = (n: number) => String(n).padStart(2, "0");
const USERS: { email: string; kind: UserKind }[] = [
  ...[1, 2, 3, 4, 5].map((k) => ({ email: `tutor.k${pad(k)}@bench.pe`, kind: "tutor" as const })),
  ...[1, 2, 3, 4, 5].map((k) => ({ email: `director.k${pad(k)}@bench.pe`, kind: "director" as const })),
  ...[1, 2, 3, 4, 5, 6].map((k) => ({ email: `social.k${pad(k)}@bench.pe`, kind: "caseTeam" as const })),
  ...["demuna@demo.pe", "demuna.sjl@demo.pe", "cem@demo.pe", "csmc@demo.pe"].map((email) => ({
    email,
    kind: "agency" as const,
  })),
];

/** A fresh copy of the data set for one run (a file copy: the template is idle). */
export async function cloneDatabase(adminUrl: string, template: string, name: string, owner: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(
      `CREATE DATABASE ${pg.escapeIdentifier(name)} OWNER ${pg.escapeIdentifier(owner)} ` +
        `TEMPLATE ${pg.escapeIdentifier(template)} STRATEGY FILE_COPY`,
    );
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`).finally(() => admin.end());
}

/** Plans the run on the owner's connection: visits planned and referrals sent for it. */
export async function preparePlan(ownerUrl: string): Promise<LoadPlan> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const day = todayInLima();
    const users: LoadUser[] = [];
    for (const { email, kind } of USERS) {
      const { rows } = await client.query<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [email]);
      if (!rows[0]) throw new Error(`the data set has no user ${email}`);
      const id = rows[0].id;
      const user: LoadUser = { email, kind, sections: [], recordIds: [], workIds: [] };
      if (kind === "tutor") user.sections = await sectionsOf(client, id);
      if (kind === "director") user.recordIds = await studentsOf(client, id);
      if (kind === "caseTeam") {
        user.recordIds = await casesOf(client, id);
        user.workIds = await planVisits(client, id, day);
      }
      if (kind === "agency") user.workIds = await sendReferrals(client, id);
      users.push(user);
    }
    await client.query("COMMIT");
    await client.query("ANALYZE home_visit, referral");
    return { users, day };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function sectionsOf(client: pg.Client, userId: string): Promise<Section[]> {
  const { rows } = await client.query<Section>(
    `SELECT s."schoolId", s.grade, s.section, array_agg(s.id ORDER BY s.id) AS "studentIds"
       FROM student s JOIN user_school us ON us."schoolId" = s."schoolId" AND us."userId" = $1
      WHERE s.status = 'ACTIVE'
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [userId],
  );
  if (rows.length === 0) throw new Error("a tutor of the data set has no section");
  return rows;
}

async function studentsOf(client: pg.Client, userId: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT s.id FROM student s JOIN user_school us ON us."schoolId" = s."schoolId" AND us."userId" = $1
      WHERE EXISTS (SELECT 1 FROM case_file c WHERE c."studentId" = s.id)
      ORDER BY s.id LIMIT 20`,
    [userId],
  );
  return rows.map((r) => r.id);
}

async function casesOf(client: pg.Client, userId: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT c.id FROM case_file c JOIN case_assignment a ON a."caseId" = c.id AND a."userId" = $1
      WHERE c.state <> 'CLOSED' ORDER BY c.id LIMIT 20`,
    [userId],
  );
  if (rows.length === 0) throw new Error("a case-team member of the data set has no open case");
  return rows.map((r) => r.id);
}

/** Visits to the member's open cases, planned for today, as the member would plan them. */
async function planVisits(client: pg.Client, userId: string, day: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO home_visit ("caseId", "schoolId", "studentId", "scheduledFor", "timeWindow", purpose,
                             "assigneeId", "createdById")
     SELECT c.id, c."schoolId", c."studentId", $2::date, 'MORNING', $3, $1, $1
       FROM case_file c JOIN case_assignment a ON a."caseId" = c.id AND a."userId" = $1
       CROSS JOIN generate_series(1, $4::int) AS n
      WHERE c.state <> 'CLOSED'
      ORDER BY n, c.id LIMIT $4
     RETURNING id`,
    [userId, day, PURPOSE, PREPARED_PER_USER],
  );
  return rows.map((r) => r.id);
}

/**
 * Referrals to the staff member's agency, waiting for an answer: copies of that agency's
 * referrals (their cases, legal bases and packets, which the CHECKs and the packet trigger
 * accept again) sent now.
 */
async function sendReferrals(client: pg.Client, userId: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO referral ("caseId", "schoolId", "studentId", "agencyId", reason, urgency, "legalBasis",
                           "legalBasisNote", "consentGivenBy", "consentRelationship", "consentDate",
                           "consentMethod", "legalNorm", "sharedSections", status, "dueAt", "sentAt",
                           "createdById", version)
     SELECT r."caseId", r."schoolId", r."studentId", r."agencyId", r.reason, r.urgency, r."legalBasis",
            r."legalBasisNote", r."consentGivenBy", r."consentRelationship", r."consentDate",
            r."consentMethod", r."legalNorm", r."sharedSections", 'SENT', now() + interval '3 days', now(),
            r."createdById", 1
       FROM referral r JOIN app_user u ON u."agencyId" = r."agencyId" AND u.id = $1
       CROSS JOIN generate_series(1, $2::int) AS n
      ORDER BY n, r.id LIMIT $2
     RETURNING id`,
    [userId, PREPARED_PER_USER],
  );
  if (rows.length === 0) throw new Error("an agency of the data set has no referral to copy");
  return rows.map((r) => r.id);
}
