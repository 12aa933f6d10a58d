import { hashPassword } from "../../lib/auth/password";
import type { Db } from "../../lib/db";
import type { Role } from "../../lib/generated/prisma/enums";
import { schoolId as demoSchoolId, USERS, type UserKey } from "../../prisma/seed/people";

// The records the access probe asks for. Two kinds of "outside the caller's scope":
//
// - the OUTSIDER world: a school, its agency and one of every record, added to the demo
//   database and served by no demo account (every role is probed with it);
// - NEIGHBOUR records: demo records outside one account's scope by a definition written here
//   in plain SQL, independent of lib/auth/scope.ts — another school for school-bound roles,
//   a case referred only to other agencies for agency staff, any school for the roles that
//   read no named data (ADMIN, COORDINATOR). Psychologist and social worker serve every demo
//   school, so they have none.
//
// The outsider world's own accounts are the positive controls: the same call with the same
// ids, made by someone whose scope holds them, must not answer "not found".

export const PROBE_PASSWORD = "Sonda-de-acceso-2026!";

/** Every id a route or an action of the app takes, for one coherent set of records. */
export type Ids = {
  schoolId: string;
  schoolCode: string;
  studentId: string;
  /** The student's class as the attendance page names it: "<schoolId>:<grade>:<section>". */
  sectionKey: string;
  caseId: string;
  caseVersion: number;
  visitId: string;
  evaluationId: string;
  draftId: string;
  referralId: string;
  referralVersion: number;
  alertId: string;
  notificationId: string;
  taskId: string;
  userId: string;
  agencyId: string;
  /** An agency serving the outsider school with no referral yet (a new referral's target). */
  freeAgencyId: string;
};
export type IdKind = keyof Ids;

/** A set of records and the texts of it that must never appear in an answer. */
export type RecordSet = { label: string; ids: Partial<Ids>; markers: string[] };

export type OutsiderAccount = "psychologist" | "director" | "coordinator" | "agency" | "spare";

export type World = {
  outsider: RecordSet & { ids: Ids };
  outsiderUsers: Record<OutsiderAccount, { id: string; email: string }>;
  neighbours: Map<UserKey, RecordSet>;
};

const OUTSIDER_MARKERS = {
  givenNames: "Zacarías Probado",
  paternalSurname: "Fueradealcance",
  maternalSurname: "Sondeo",
  documentNumber: "99887766",
  addressStreet: "Av. Sonda Secreta 777",
  phone: "955000111",
  guardianName: "Griselda Sondeo",
  guardianPhone: "944000222",
  note: "Nota reservada del caso de la sonda",
  purpose: "Propósito reservado de la visita de la sonda",
  attempt: "Intento reservado de la sonda",
  rationale: "Fundamento reservado de la sonda",
  reason: "Motivo reservado de la derivación de la sonda",
  alertNote: "Preocupación reservada de la sonda",
};

/** Builds the outsider world in the demo database and picks each demo account's neighbours. */
export async function buildWorld(db: Db): Promise<World> {
  const outsider = await buildOutsider(db);
  const neighbours = new Map<UserKey, RecordSet>();
  for (const u of USERS) {
    const set = await neighbourSet(db, u.key, u.role);
    if (set) neighbours.set(u.key, { ...set, ids: { ...set.ids, freeAgencyId: outsider.outsider.ids.freeAgencyId } });
  }
  return { ...outsider, neighbours };
}

async function buildOutsider(db: Db): Promise<Pick<World, "outsider" | "outsiderUsers">> {
  const m = OUTSIDER_MARKERS;
  const school = await db.school.create({
    data: {
      codigoModular: "9900001",
      name: "IE Sonda Fuera de Alcance",
      region: "Cusco",
      province: "Cusco",
      district: "Wanchaq",
    },
    select: { id: true, codigoModular: true },
  });
  const agency = await db.agency.create({
    data: { code: "DEMUNA-WAN", type: "DEMUNA", name: "DEMUNA Wanchaq", region: "Cusco", district: "Wanchaq" },
    select: { id: true },
  });
  const freeAgency = await db.agency.create({
    data: { code: "CEM-WAN", type: "CEM", name: "CEM Wanchaq", region: "Cusco", district: "Wanchaq" },
    select: { id: true },
  });
  const passwordHash = await hashPassword(PROBE_PASSWORD);
  const account = async (key: OutsiderAccount, role: Role, inSchool: boolean) => {
    const email = `sonda.${key}@fuera.pe`;
    const u = await db.user.create({
      data: {
        email,
        name: `Sonda ${key}`,
        passwordHash,
        role,
        agencyId: role === "AGENCY_STAFF" ? agency.id : null,
        schools: inSchool ? { create: [{ schoolId: school.id }] } : undefined,
      },
      select: { id: true },
    });
    return { id: u.id, email };
  };
  const users = {
    psychologist: await account("psychologist", "PSYCHOLOGIST", true),
    director: await account("director", "DIRECTOR", true),
    coordinator: await account("coordinator", "COORDINATOR", true),
    agency: await account("agency", "AGENCY_STAFF", false),
    spare: await account("spare", "EDUCATOR", true),
  };

  const s = { schoolId: school.id };
  const student = await db.student.create({
    data: {
      ...s,
      documentType: "DNI",
      documentNumber: m.documentNumber,
      paternalSurname: m.paternalSurname,
      maternalSurname: m.maternalSurname,
      givenNames: m.givenNames,
      sex: "F",
      birthDate: new Date("2011-03-09T00:00:00Z"),
      grade: 3,
      section: "B",
      addressStreet: m.addressStreet,
      addressDistrict: "Wanchaq",
      phone: m.phone,
      guardianName: m.guardianName,
      guardianRelationship: "tía",
      guardianPhone: m.guardianPhone,
    },
    select: { id: true },
  });
  const c = await db.case.create({
    data: { ...s, studentId: student.id, openKey: student.id, state: "EVALUATION", openedById: users.director.id },
    select: { id: true, version: true },
  });
  const ofCase = { ...s, caseId: c.id, studentId: student.id };
  await db.caseAssignment.create({ data: { caseId: c.id, schoolId: school.id, userId: users.psychologist.id } });
  await db.caseEvent.create({
    data: { caseId: c.id, schoolId: school.id, type: "NOTE", actorId: users.psychologist.id, body: m.note },
  });
  const alert = await db.alert.create({
    data: {
      ...s,
      studentId: student.id,
      kind: "CONCERN",
      openKey: `${student.id}:CONCERN`,
      figures: {},
      note: m.alertNote,
      raisedById: users.director.id,
    },
    select: { id: true },
  });
  const visit = await db.homeVisit.create({
    data: {
      ...ofCase,
      scheduledFor: new Date("2026-12-01T00:00:00Z"),
      timeWindow: "MORNING",
      purpose: m.purpose,
      assigneeId: users.psychologist.id,
      createdById: users.psychologist.id,
    },
    select: { id: true },
  });
  await db.contactAttempt.create({
    data: { ...ofCase, channel: "PHONE", outcome: "NO_ANSWER", notes: m.attempt, actorId: users.psychologist.id },
  });

  // Signed as the app signs one: a draft answering every item of the current form, then the
  // signature. Every answer ABSENT, so no urgent item asks for a task.
  const instrument = await db.riskInstrument.findFirstOrThrow({
    orderBy: { version: "desc" },
    select: { id: true, items: { select: { id: true } } },
  });
  const draftOf = (evaluatorId: string) => ({
    ...ofCase,
    instrumentId: instrument.id,
    evaluatorId,
    draftKey: `${c.id}:${evaluatorId}`,
  });
  const signed = await db.riskEvaluation.create({
    data: {
      ...draftOf(users.psychologist.id),
      overallLevel: "MODERATE",
      rationale: m.rationale,
      answers: { create: instrument.items.map((i) => ({ itemId: i.id, value: "ABSENT" as const })) },
    },
    select: { id: true },
  });
  await db.riskEvaluation.update({
    where: { id: signed.id },
    data: { status: "SIGNED", draftKey: null, signedAt: new Date(), signedById: users.psychologist.id },
  });
  const draft = await db.riskEvaluation.create({
    data: { ...draftOf(users.psychologist.id), rationale: m.rationale },
    select: { id: true },
  });
  const referral = await db.referral.create({
    data: {
      ...ofCase,
      agencyId: agency.id,
      reason: m.reason,
      urgency: "PRIORITY",
      legalBasis: "CHILD_PROTECTION_DUTY",
      legalNorm: "Código de los Niños y Adolescentes (Ley 27337)",
      sharedSections: ["IDENTIFICATION", "CONTACT", "HOME_VISITS", "RISK_SUMMARY", "NOTES"],
      dueAt: new Date(Date.now() + 72 * 3600_000),
      createdById: users.psychologist.id,
    },
    select: { id: true, version: true },
  });
  const task = await db.caseTask.create({
    data: {
      ...ofCase,
      kind: "URGENT_REFERRAL",
      agencyType: "CSMC",
      dueAt: new Date(Date.now() + 12 * 3600_000),
      createdById: users.psychologist.id,
    },
    select: { id: true },
  });
  const notification = await db.notification.create({
    data: { userId: users.psychologist.id, kind: "REFERRAL_RECEIVED", referralId: referral.id, caseId: c.id, ...s },
    select: { id: true },
  });

  const ids: Ids = {
    schoolId: school.id,
    schoolCode: school.codigoModular,
    studentId: student.id,
    sectionKey: `${school.id}:3:B`,
    caseId: c.id,
    caseVersion: c.version,
    visitId: visit.id,
    evaluationId: signed.id,
    draftId: draft.id,
    referralId: referral.id,
    referralVersion: referral.version,
    alertId: alert.id,
    notificationId: notification.id,
    taskId: task.id,
    userId: users.spare.id,
    agencyId: agency.id,
    freeAgencyId: freeAgency.id,
  };
  return { outsider: { label: "outsider", ids, markers: Object.values(m) }, outsiderUsers: users };
}

// ─── neighbours: demo records outside one account's scope, by plain SQL ───

type CaseRow = {
  caseId: string;
  caseVersion: number;
  schoolId: string;
  schoolCode: string;
  studentId: string;
  sectionKey: string;
  givenNames: string;
  paternalSurname: string;
  documentNumber: string | null;
  phone: string | null;
};

/** The demo schools a school-bound account does not serve (by user_school, read here directly). */
async function schoolsOutside(db: Db, userKey: UserKey): Promise<string[]> {
  const u = USERS.find((x) => x.key === userKey)!;
  const mine = new Set<string>(u.schools.map((code) => demoSchoolId(code)));
  const all = await db.school.findMany({ where: { codigoModular: { not: "9900001" } }, select: { id: true } });
  return all.map((s) => s.id).filter((id) => !mine.has(id));
}

/**
 * The demo case with the most kinds of records among `caseFilter`'s, so one set answers as
 * many probes as possible; its records of each kind are picked from the same case.
 */
async function richestCase(db: Db, where: string, params: unknown[]): Promise<CaseRow | null> {
  const rows = await db.$queryRawUnsafe<CaseRow[]>(
    `SELECT c.id::text AS "caseId", c.version AS "caseVersion", c."schoolId"::text AS "schoolId",
            sc."codigoModular" AS "schoolCode", st.id::text AS "studentId",
            c."schoolId"::text || ':' || st.grade || ':' || st.section AS "sectionKey", st."givenNames",
            st."paternalSurname", st."documentNumber", st.phone
       FROM case_file c JOIN student st ON st.id = c."studentId" JOIN school sc ON sc.id = c."schoolId"
      WHERE ${where}
      ORDER BY (EXISTS (SELECT 1 FROM risk_evaluation e WHERE e."caseId" = c.id AND e.status = 'SIGNED'))::int
             + (EXISTS (SELECT 1 FROM referral r WHERE r."caseId" = c.id))::int
             + (EXISTS (SELECT 1 FROM home_visit v WHERE v."caseId" = c.id AND v.status = 'SCHEDULED'))::int
             + (EXISTS (SELECT 1 FROM case_task k WHERE k."caseId" = c.id))::int
             + (EXISTS (SELECT 1 FROM alert a WHERE a."caseId" = c.id))::int DESC,
               c.id
      LIMIT 1`,
    ...params,
  );
  return rows[0] ?? null;
}

async function recordsOf(db: Db, row: CaseRow, extra: { referralWhere?: string; referralParams?: unknown[] } = {}) {
  const one = async <T>(sql: string, ...params: unknown[]) =>
    (await db.$queryRawUnsafe<T[]>(sql, row.caseId, ...params))[0];
  const evaluation = await one<{ id: string }>(
    `SELECT id::text FROM risk_evaluation WHERE "caseId" = $1::uuid AND status = 'SIGNED' ORDER BY id LIMIT 1`,
  );
  const referral = await one<{ id: string; version: number }>(
    `SELECT id::text, version FROM referral WHERE "caseId" = $1::uuid ${extra.referralWhere ?? ""} ORDER BY id LIMIT 1`,
    ...(extra.referralParams ?? []),
  );
  const visit = await one<{ id: string }>(
    `SELECT id::text FROM home_visit WHERE "caseId" = $1::uuid ORDER BY (status = 'SCHEDULED') DESC, id LIMIT 1`,
  );
  const task = await one<{ id: string }>(
    `SELECT id::text FROM case_task WHERE "caseId" = $1::uuid ORDER BY id LIMIT 1`,
  );
  const alert = await one<{ id: string }>(
    `SELECT id::text FROM alert WHERE "caseId" = $1::uuid OR ("studentId" = (SELECT "studentId" FROM case_file WHERE id = $1::uuid))
      ORDER BY (status = 'OPEN') DESC, id LIMIT 1`,
  );
  const ids: Partial<Ids> = {
    schoolId: row.schoolId,
    schoolCode: row.schoolCode,
    studentId: row.studentId,
    sectionKey: row.sectionKey,
    caseId: row.caseId,
    caseVersion: row.caseVersion,
    visitId: visit?.id,
    evaluationId: evaluation?.id,
    referralId: referral?.id,
    referralVersion: referral?.version,
    taskId: task?.id,
    alertId: alert?.id,
  };
  const markers = [row.givenNames, row.paternalSurname, row.documentNumber, row.phone].filter(
    (x): x is string => typeof x === "string" && x.length >= 4,
  );
  return { ids: Object.fromEntries(Object.entries(ids).filter(([, v]) => v !== undefined)) as Partial<Ids>, markers };
}

async function neighbourSet(db: Db, key: UserKey, role: Role): Promise<RecordSet | null> {
  const me = USERS.find((u) => u.key === key)!;
  const others = await db.notification.findFirst({
    where: { user: { email: { not: me.email } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const anotherUser = await db.user.findFirstOrThrow({
    where: { email: { not: me.email }, role: { not: "ADMIN" }, agencyId: null },
    select: { id: true },
    orderBy: { email: "asc" },
  });
  const common = { notificationId: others?.id, userId: anotherUser.id };

  let row: CaseRow | null = null;
  let records: Awaited<ReturnType<typeof recordsOf>> | null = null;
  if (role === "AGENCY_STAFF") {
    // A case of the demo with no referral at all to this agency, referred to another one.
    const agencyId = (await db.user.findUniqueOrThrow({ where: { email: me.email }, select: { agencyId: true } }))
      .agencyId!;
    const where = `NOT EXISTS (SELECT 1 FROM referral r WHERE r."caseId" = c.id AND r."agencyId" = $1::uuid)
                   AND EXISTS (SELECT 1 FROM referral r WHERE r."caseId" = c.id) AND sc."codigoModular" <> '9900001'`;
    row = await richestCase(db, where, [agencyId]);
    if (row) records = await recordsOf(db, row);
  } else if (role === "ADMIN" || role === "COORDINATOR") {
    row = await richestCase(db, `c."schoolId" = $1::uuid`, [demoSchoolId("1000001")]);
    if (row) records = await recordsOf(db, row);
  } else {
    const outside = await schoolsOutside(db, key);
    if (outside.length === 0) return null;
    row = await richestCase(db, `c."schoolId" = ANY($1::uuid[])`, [outside]);
    if (row) records = await recordsOf(db, row);
  }
  if (!row || !records) return null;
  // A school of the account's own (a coordinator's territory, read as aggregates) is no
  // neighbour for the calls that take a school id.
  const ownSchool = (me.schools as readonly string[]).some((code) => demoSchoolId(code) === row.schoolId);
  const { schoolId, schoolCode, sectionKey, ...rest } = records.ids;
  const schoolIds = ownSchool ? {} : { schoolId, schoolCode, sectionKey };
  return { label: `neighbour of ${key}`, ids: { ...rest, ...schoolIds, ...common }, markers: records.markers };
}
