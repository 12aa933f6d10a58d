import "server-only";
import { writeReadAudit } from "../audit/write-read-audit";
import { AGENCIES_WITHOUT_SENSITIVE_DATA, can, MAX_SHARED_SECTIONS } from "../auth/policy";
import { caseReferralWhere, caseWhere } from "../auth/scope";
import type { RequestOrigin, SessionUser } from "../auth/types";
import { db, type Tx } from "../db";
import { AppError } from "../errors/app-error";
import {
  evaluationSummaryArgs,
  toEvaluationSummaries,
  type EvaluationSummary,
  type EvaluationSummaryRow,
} from "../risk/queries";
import { OPEN_TASK_SELECT, type OpenCaseTask } from "../tasks/queries";
import { caseNotFound } from "./case-lock";
import type { CasePart } from "./paths";
import type { Prisma } from "../generated/prisma/client";
import { SharedSection, type CaseEventType } from "../generated/prisma/enums";
import {
  attemptSelect,
  type ContactAttemptView,
  toAttemptView,
  toVisitView,
  visitSelect,
  type VisitView,
  visitVisibility,
} from "../visits/visibility";

// The case-file read model: the one place that decides which parts of a case a user sees.
// The case is looked up with the caller's scope inside the `where`; each section is loaded
// only when the viewer may see it; the read is audited once it succeeded.

/** SUMMARY = director (no risk data); TEAM = case team; AGENCY = staff of an agency the case was referred to. */
export type CaseFileAccess = "SUMMARY" | "TEAM" | "AGENCY";

const ALL_SECTIONS = Object.values(SharedSection);
// The director's summary includes each evaluation's level, date and evaluator (RISK_SUMMARY),
// never its answers, rationale or notes.
const SUMMARY_SECTIONS: SharedSection[] = [
  "IDENTIFICATION",
  "CONTACT",
  "ATTENDANCE",
  "HOME_VISITS",
  "RISK_SUMMARY",
  "NOTES",
];

/** Timeline events an agency sees, by the section that unlocks them (null: always). Referral and
 * assignment events stay with the school: they may name other agencies or colleagues. */
const EVENT_SECTION: Record<CaseEventType, SharedSection | null | "never"> = {
  STATE_CHANGE: null,
  NOTE: "NOTES",
  ALERT: "ATTENDANCE",
  ABSENCE: "ATTENDANCE",
  HOME_VISIT: "HOME_VISITS",
  CONTACT_ATTEMPT: "HOME_VISITS",
  EVALUATION: "RISK_SUMMARY",
  ASSIGNMENT: "never",
  REFERRAL: "never",
  REFERRAL_UPDATE: "never",
};

const CASE_SELECT = {
  id: true,
  schoolId: true,
  studentId: true,
  state: true,
  outcome: true,
  outcomeNote: true,
  version: true,
  openedAt: true,
  closedAt: true,
  updatedAt: true,
  school: { select: { id: true, name: true, codigoModular: true } },
} satisfies Prisma.CaseSelect;
const STUDENT_SELECT = {
  id: true,
  documentType: true,
  documentNumber: true,
  paternalSurname: true,
  maternalSurname: true,
  givenNames: true,
  sex: true,
  birthDate: true,
  level: true,
  grade: true,
  section: true,
  status: true,
} satisfies Prisma.StudentSelect;
const CONTACT_SELECT = {
  addressStreet: true,
  addressReference: true,
  addressDistrict: true,
  addressVerifiedAt: true,
  phone: true,
  phoneVerifiedAt: true,
  guardianName: true,
  guardianRelationship: true,
  guardianPhone: true,
  guardianVerifiedAt: true,
} satisfies Prisma.StudentSelect;
const EVENT_SELECT = {
  id: true,
  type: true,
  occurredAt: true,
  actorId: true,
  body: true,
  data: true,
} satisfies Prisma.CaseEventSelect;
const ABSENCE_SELECT = { date: true, status: true } satisfies Prisma.AttendanceSelect;
const ALERT_SELECT = {
  id: true,
  kind: true,
  status: true,
  figures: true,
  firstDate: true,
  lastDate: true,
  createdAt: true,
} satisfies Prisma.AlertSelect;
const REFERRAL_SELECT = {
  id: true,
  agencyId: true,
  reason: true,
  urgency: true,
  legalBasis: true,
  legalBasisNote: true,
  sharedSections: true,
  status: true,
  dueAt: true,
  sentAt: true,
  respondedAt: true,
  rejectionReason: true,
  counterReferral: true,
  counterReferralNextSteps: true,
  caseReturnsToSchool: true,
  closedAt: true,
  version: true,
  agency: { select: { id: true, name: true, type: true } },
} satisfies Prisma.ReferralSelect;
/** Every user of the case's school: the names the page prints, and who may be assigned. */
const STAFF_SELECT = { id: true, name: true, role: true, active: true } satisfies Prisma.UserSelect;
const TEAM_SELECT = {
  assignedAt: true,
  user: { select: { id: true, name: true, role: true } },
} satisfies Prisma.CaseAssignmentSelect;

export type CaseFileCase = Prisma.CaseGetPayload<{ select: typeof CASE_SELECT }>;
export type CaseFileStudent = Prisma.StudentGetPayload<{ select: typeof STUDENT_SELECT }>;
export type CaseFileContact = Prisma.StudentGetPayload<{ select: typeof CONTACT_SELECT }>;
export type CaseFileEvent = Prisma.CaseEventGetPayload<{ select: typeof EVENT_SELECT }>;
export type CaseFileAbsence = Prisma.AttendanceGetPayload<{ select: typeof ABSENCE_SELECT }>;
export type CaseFileAlert = Prisma.AlertGetPayload<{ select: typeof ALERT_SELECT }>;
/** Visit notes and purpose are null for directors (and agencies without NOTES): lib/visits/visibility.ts. */
export type CaseFileVisit = VisitView;
export type CaseFileContactAttempt = ContactAttemptView;
/** Level, date and evaluator; the answers are read on the evaluation's own page (audited there). */
export type CaseFileEvaluation = EvaluationSummary;
export type CaseFileReferral = Prisma.ReferralGetPayload<{ select: typeof REFERRAL_SELECT }>;
export type CaseFileMember = Prisma.CaseAssignmentGetPayload<{ select: typeof TEAM_SELECT }>;
export type CaseFileStaffMember = Prisma.UserGetPayload<{ select: typeof STAFF_SELECT }>;

/**
 * Which part of the case file a page shows, and so reads: the overview (summary, urgent tasks,
 * state, team), the history (the timeline), or one of the visits, evaluations and referrals
 * tabs. `undefined` reads it all (the printable summary). Every part carries the case, its
 * referrals and the student's identification (the page's title); the relations that only
 * other parts show are not read.
 */
export type { CasePart };

type Relation = "contact" | "absences" | "events" | "team" | "alerts" | "visits" | "evaluations" | "staff" | "tasks";

/** The relations each part reads (the full file reads all of them). Staff: the names printed. */
const PART_RELATIONS: Record<CasePart, readonly Relation[]> = {
  overview: ["contact", "team", "staff", "tasks"],
  history: ["events", "absences", "alerts", "staff"],
  visits: ["visits", "staff"],
  evaluations: ["evaluations"],
  referrals: [],
};
const ALL_RELATIONS: readonly Relation[] = Object.values(PART_RELATIONS).flat();

/** What a read of `part` (undefined: the whole file) selects; sectionsSelect and toSections agree on it. */
const relationsOf = (part: CasePart | undefined): ReadonlySet<Relation> =>
  new Set(part ? PART_RELATIONS[part] : ALL_RELATIONS);

/**
 * A section is `null` when the viewer may not see it (never an empty list standing in for
 * "hidden"), or when the part read does not show it (`part`): a page reads only its own part.
 */
export type CaseFile = {
  access: CaseFileAccess;
  /** The part this file was read for; undefined: all of it. */
  part?: CasePart;
  /** Sections this viewer may see; the UI shows exactly these. */
  sections: SharedSection[];
  case: CaseFileCase;
  student: CaseFileStudent | null; // IDENTIFICATION
  contact: CaseFileContact | null; // CONTACT
  team: CaseFileMember[] | null; // school side only
  /** Newest first; only event types the viewer may see. Absences come separately, in `absences`. */
  timeline: CaseFileEvent[];
  absences: CaseFileAbsence[] | null; // ATTENDANCE (latest 200 non-present days)
  alerts: CaseFileAlert[] | null; // ATTENDANCE
  homeVisits: CaseFileVisit[] | null; // HOME_VISITS
  contactAttempts: CaseFileContactAttempt[] | null; // HOME_VISITS
  evaluations: CaseFileEvaluation[] | null; // RISK_SUMMARY
  /** School side: every referral of the case; agency: only the open ones sent to their agency. */
  referrals: CaseFileReferral[];
  /**
   * School side only: the users of the case's school, by name (active or not). The timeline's
   * authors are looked up here, so a name is printed only for staff of the case's school.
   */
  staff: CaseFileStaffMember[] | null;
  /** The case's open urgent tasks, oldest first; null for viewers who may not see tasks. */
  openTasks: OpenCaseTask[] | null;
};

function accessOf(user: SessionUser): CaseFileAccess | null {
  if (user.role === "AGENCY_STAFF") return can(user.role, "referrals.inbox") && user.agencyType ? "AGENCY" : null;
  if (can(user.role, "cases.read")) return "TEAM";
  return can(user.role, "cases.readSummary") ? "SUMMARY" : null;
}

function sectionsFor(user: SessionUser, access: CaseFileAccess, referrals: CaseFileReferral[]): SharedSection[] {
  if (access === "SUMMARY") return SUMMARY_SECTIONS;
  if (access === "TEAM") {
    return ALL_SECTIONS.filter((s) =>
      s === "RISK_SENSITIVE"
        ? can(user.role, "risk.readSensitive")
        : s === "RISK_ANSWERS"
          ? can(user.role, "risk.read")
          : true,
    );
  }
  // Union of what their agency's referrals share, capped by the agency's maximum packet.
  const type = user.agencyType!;
  const max: readonly string[] = MAX_SHARED_SECTIONS[type];
  const shared = new Set(referrals.filter((r) => r.agencyId === user.agencyId).flatMap((r) => r.sharedSections));
  return ALL_SECTIONS.filter(
    (s) =>
      shared.has(s) && max.includes(s) && !(s === "RISK_SENSITIVE" && AGENCIES_WITHOUT_SENSITIVE_DATA.includes(type)),
  );
}

/** The level-and-form part of an EVALUATION event's data (lib/risk/save-evaluation.ts writes it). */
function evaluationEventSummary(data: Prisma.JsonValue | null): Prisma.JsonValue | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const keep = ["evaluationId", "overallLevel", "instrumentVersion", "correctsId"];
  const picked = Object.fromEntries(Object.entries(data).filter(([k]) => keep.includes(k)));
  return Object.keys(picked).length ? picked : null;
}

/** The columns of `select` out of a row read with a wider one: each section gets only its own. */
function columnsOf(row: object, select: object): Record<string, unknown> {
  const values = row as Record<string, unknown>;
  return Object.fromEntries(Object.keys(select).map((column) => [column, values[column]]));
}

/** The case's relations as sectionsSelect reads them: a section not selected is absent. */
type SectionRows = {
  school?: { users?: { user: CaseFileStaffMember }[] };
  tasks?: OpenCaseTask[];
  student?: (Record<string, unknown> & { attendance?: CaseFileAbsence[] }) | null;
  events?: CaseFileEvent[];
  assignments?: CaseFileMember[];
  alerts?: CaseFileAlert[];
  homeVisits?: object[];
  contactAttempts?: object[];
  evaluations?: EvaluationSummaryRow[];
};

/** The school side's row: the case, its referrals, and its sections with the school's staff. */
type SchoolSideRow = CaseFileCase & { referrals: CaseFileReferral[] } & SectionRows & {
    school: CaseFileCase["school"] & NonNullable<SectionRows["school"]>;
  };

/**
 * The sections this viewer may see, as relations of the case row, so that they are read in the
 * same query as the case (joined in the database) instead of one query each. A section the
 * viewer may not see is not selected, and text they may not read is not a column of the select
 * (lib/visits/visibility.ts).
 */
function sectionsSelect(user: SessionUser, sections: SharedSection[], access: CaseFileAccess, part?: CasePart) {
  const has = (s: SharedSection) => sections.includes(s);
  const reads = relationsOf(part);
  const eventTypes = (Object.keys(EVENT_SECTION) as CaseEventType[]).filter((t) => {
    const s = EVENT_SECTION[t];
    return access !== "AGENCY" || s === null || (s !== "never" && has(s));
  });
  const visibility = visitVisibility(access, sections);
  const absences = {
    where: { status: { not: "PRESENT" } },
    select: ABSENCE_SELECT,
    orderBy: { date: "desc" },
    take: 200,
  } satisfies Prisma.Student$attendanceArgs;
  // Identification and contact are columns of one row (only the visible sections' columns),
  // split by section in toSections; the absences are the student's.
  const student: Prisma.StudentSelect = {
    ...(has("IDENTIFICATION") ? STUDENT_SELECT : {}),
    ...(has("CONTACT") && reads.has("contact") ? CONTACT_SELECT : {}),
    ...(has("ATTENDANCE") && reads.has("absences") ? { attendance: absences } : {}),
  };
  return {
    ...(Object.keys(student).length ? { student: { select: student } } : {}),
    ...(reads.has("events")
      ? { events: { where: { type: { in: eventTypes } }, select: EVENT_SELECT, orderBy: { occurredAt: "desc" } } }
      : {}),
    ...(access !== "AGENCY" && reads.has("team")
      ? { assignments: { select: TEAM_SELECT, orderBy: { assignedAt: "asc" } } }
      : {}),
    ...(has("ATTENDANCE") && reads.has("alerts")
      ? { alerts: { select: ALERT_SELECT, orderBy: { createdAt: "desc" } } }
      : {}),
    ...(has("HOME_VISITS") && reads.has("visits")
      ? {
          homeVisits: { select: visitSelect(visibility), orderBy: { scheduledFor: "desc" } },
          contactAttempts: { select: attemptSelect(visibility), orderBy: { attemptedAt: "desc" } },
        }
      : {}),
    ...(has("RISK_SUMMARY") && reads.has("evaluations") ? { evaluations: evaluationSummaryArgs(user) } : {}),
    // The school side always reads its school (the case's own columns); its staff only when shown.
    ...(access === "AGENCY"
      ? {}
      : {
          school: {
            select: {
              ...CASE_SELECT.school.select,
              ...(reads.has("staff")
                ? { users: { select: { user: { select: STAFF_SELECT } }, orderBy: { user: { name: "asc" } } } }
                : {}),
            },
          },
        }),
    ...(access !== "AGENCY" && reads.has("tasks") && can(user.role, "caseTasks.read")
      ? { tasks: { where: { doneAt: null }, select: OPEN_TASK_SELECT, orderBy: { createdAt: "asc" } } }
      : {}),
  } satisfies Prisma.CaseSelect;
}

/** The sections of a case row read with sectionsSelect, as the case file holds them. */
function toSections(
  user: SessionUser,
  rows: SectionRows,
  sections: SharedSection[],
  access: CaseFileAccess,
  part?: CasePart,
) {
  const has = (s: SharedSection) => sections.includes(s);
  const reads = relationsOf(part);
  // An event shown outside its section keeps its type and date only: a director sees that an
  // evaluation happened, not its level; a state change's written reason is note text, so an
  // agency reads it only when NOTES is shared.
  // A part without the timeline has no events (an empty list: the type has no "not read" for it).
  const timeline = (rows.events ?? []).map((e) => {
    const s = EVENT_SECTION[e.type];
    // An evaluation's level is summary (director, educator); its free text goes with the answers.
    if (e.type === "EVALUATION" && has("RISK_SUMMARY") && !has("RISK_ANSWERS")) {
      return { ...e, body: null, data: evaluationEventSummary(e.data) };
    }
    if (s === null) return access === "AGENCY" && !has("NOTES") ? { ...e, body: null } : e;
    return s === "never" || has(s) ? e : { ...e, body: null, data: null };
  });
  const row = rows.student ?? null;
  return {
    student: has("IDENTIFICATION") && row ? (columnsOf(row, STUDENT_SELECT) as CaseFileStudent) : null,
    contact: has("CONTACT") && reads.has("contact") && row ? (columnsOf(row, CONTACT_SELECT) as CaseFileContact) : null,
    team: rows.assignments ?? null,
    timeline,
    absences: has("ATTENDANCE") && reads.has("absences") ? (row?.attendance ?? []) : null,
    alerts: rows.alerts ?? null,
    homeVisits: rows.homeVisits?.map(toVisitView) ?? null,
    contactAttempts: rows.contactAttempts?.map(toAttemptView) ?? null,
    evaluations: rows.evaluations ? toEvaluationSummaries(user, rows.evaluations) : null,
    staff: rows.school?.users?.map((u) => u.user) ?? null,
    openTasks: rows.tasks ?? null,
  };
}

/** The sections of a case already found in scope, in one query (an agency's path: its sections follow from its referrals). */
async function loadSections(
  tx: Tx,
  user: SessionUser,
  c: CaseFileCase,
  sections: SharedSection[],
  access: CaseFileAccess,
  part?: CasePart,
) {
  const rows = await tx.case.findFirst({
    where: { AND: [{ id: c.id, schoolId: c.schoolId }, caseWhere(user)] },
    select: sectionsSelect(user, sections, access, part),
  });
  if (!rows) throw caseNotFound();
  // The select is built per viewer, so Prisma cannot type the result: SectionRows says what it holds.
  return toSections(user, rows as unknown as SectionRows, sections, access, part);
}

export type CaseForViewer = {
  access: CaseFileAccess;
  sections: SharedSection[];
  case: CaseFileCase;
  referrals: CaseFileReferral[];
};

/**
 * The case with the caller's scope inside the `where`, and the sections this viewer may see
 * of it (also used by the pages of a case's evaluations). NOT_FOUND when out of reach.
 */
export async function findCaseForViewer(tx: Tx, user: SessionUser, caseId: string): Promise<CaseForViewer> {
  const access = accessOf(user);
  if (!access) throw caseNotFound();
  const found = await tx.case.findFirst({
    where: { AND: [{ id: caseId }, caseWhere(user)] },
    select: {
      ...CASE_SELECT,
      referrals: { where: caseReferralWhere(user), select: REFERRAL_SELECT, orderBy: { sentAt: "desc" } },
    },
  });
  if (!found) throw caseNotFound();
  const { referrals, ...c } = found;
  const sections = sectionsFor(user, access, referrals);
  // The outcome note is free text written by the team: note content, not a case field.
  if (access === "AGENCY" && !sections.includes("NOTES")) c.outcomeNote = null;
  return { access, sections, case: c, referrals };
}

/**
 * The case as one open referral shares it with its agency: that referral's sections only (capped
 * by the agency's packet), whatever other referrals of the same agency share. The caller audits
 * the read (lib/referrals/queries/referral-page.ts). NOT_FOUND unless the referral is open and
 * sent to the user's agency.
 */
export async function loadReferredCaseFile(tx: Tx, user: SessionUser, referralId: string): Promise<CaseFile> {
  if (accessOf(user) !== "AGENCY") throw caseNotFound();
  const found = await tx.case.findFirst({
    where: { AND: [caseWhere(user), { referrals: { some: { AND: [{ id: referralId }, caseReferralWhere(user)] } } }] },
    select: {
      ...CASE_SELECT,
      referrals: { where: { AND: [{ id: referralId }, caseReferralWhere(user)] }, select: REFERRAL_SELECT },
    },
  });
  if (!found || found.referrals.length !== 1) throw caseNotFound();
  const { referrals, ...c } = found;
  const sections = sectionsFor(user, "AGENCY", referrals);
  if (!sections.includes("NOTES")) c.outcomeNote = null;
  const loaded = await loadSections(tx, user, c, sections, "AGENCY");
  return { access: "AGENCY", sections, case: c, referrals, ...loaded };
}

/**
 * The case and its sections. The school side's sections follow from the role alone, so the
 * case, its referrals and every section are one query; an agency's follow from its referrals,
 * so its case is read first (findCaseForViewer), then the sections.
 */
async function readCaseFile(user: SessionUser, access: CaseFileAccess, caseId: string, part?: CasePart) {
  if (access === "AGENCY") {
    const viewer = await findCaseForViewer(db, user, caseId);
    return { ...viewer, loaded: await loadSections(db, user, viewer.case, viewer.sections, access, part) };
  }
  const sections = sectionsFor(user, access, []);
  const found = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseWhere(user)] },
    select: {
      ...CASE_SELECT,
      referrals: { where: caseReferralWhere(user), select: REFERRAL_SELECT, orderBy: { sentAt: "desc" } },
      ...sectionsSelect(user, sections, access, part),
    },
  });
  if (!found) throw caseNotFound();
  // As in loadSections: the sections' part of the select is per viewer. The row is itself the
  // SectionRows toSections reads; the case is its own columns, with its school without the staff.
  const row = found as unknown as SchoolSideRow;
  const { users: _staff, ...school } = row.school;
  const c = { ...(columnsOf(row, CASE_SELECT) as CaseFileCase), school };
  return { access, sections, case: c, referrals: row.referrals, loaded: toSections(user, row, sections, access, part) };
}

/**
 * The case file as `user` may see it. Out of scope, unknown id or no permission: NOT_FOUND,
 * plus a `case.read_denied` audit entry (written on its own, since the read rolled back).
 * Both entries are skipped when the same read was recorded minutes ago (write-read-audit.ts).
 */
export async function getCaseFileOrThrow(
  user: SessionUser | null,
  caseId: string,
  origin: RequestOrigin,
  /**
   * Recorded in the audit entry: the printable summary is a read of its own kind, and a tab
   * (`part`) records which part of the file was shown. No part: the whole file.
   */
  options: { view?: "PRINT"; part?: CasePart } = {},
): Promise<CaseFile> {
  if (!user) throw new AppError("UNAUTHENTICATED", "signIn");
  const access = accessOf(user);
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(caseId);
  try {
    if (!access || !isUuid) throw caseNotFound();
    // No interactive transaction: at READ COMMITTED it would not give the reads one snapshot
    // anyway, and it held a connection across every round trip (under load, requests waited
    // for the pool and failed). The entry is written once everything was read and before
    // anything is returned, so a failed read leaves none and no read goes unrecorded.
    const { referrals, sections, case: c, loaded } = await readCaseFile(user, access, caseId, options.part);
    // The same view reloaded within a few minutes is recorded once (write-read-audit.ts).
    await writeReadAudit(
      db,
      user,
      {
        action: "case.read",
        entity: "Case",
        entityId: c.id,
        schoolId: c.schoolId,
        details: {
          access,
          sections,
          ...(options.view ? { view: options.view } : {}),
          ...(options.part ? { part: options.part } : {}),
        },
      },
      origin,
    );
    return { access, sections, part: options.part, case: c, referrals, ...loaded };
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") {
      // Bounded per user and window: probing ids by the thousand must not bury the log.
      await writeReadAudit(
        db,
        user,
        { action: "case.read_denied", entity: "Case", entityId: caseId.slice(0, 64) },
        origin,
        { throttleKey: `read_denied:${user.id}` },
      );
    }
    throw e;
  }
}
