import type { Role } from "../../lib/generated/prisma/enums";
import { todayInLima } from "../../lib/format/date";
import type { IdKind, Ids, OutsiderAccount } from "./world";

// The access probe's table: one entry per page, route handler and server action of the app
// (tests/access-probe/discover.ts finds them; one without an entry fails the suite). An entry
// either says which ids the call takes and how to pass them — the probe then asks for records
// outside each demo account's scope and expects "not found" — or why it takes no record id.
//
// `positive` names the outsider account whose scope holds the outsider records: the same call
// with the same ids made by it must NOT answer "not found", which proves the entry passes the
// ids where the code reads them (a misnamed field would be "not found" for everyone).
// `inScopeFor` lists roles whose scope legitimately covers the probed records (ADMIN manages
// every user and every school's alert rules).

/** Who runs the in-scope call: an outsider account, or the demo administrator. */
export type Positive = OutsiderAccount | "admin";

type Common = { needs: IdKind[]; positive: Positive; inScopeFor?: Role[] };

export type PageEntry =
  | (Common & {
      params?: (ids: Ids) => Record<string, string>;
      searchParams?: (ids: Ids) => Record<string, string>;
    })
  /** A page without an id that only these roles may open: every other role gets "not found". */
  | { onlyFor: Role[]; positive: Positive }
  | { noId: string };

export type RouteEntry = (Common & { request: (ids: Ids) => { path: string; init?: RequestInit } }) | { noId: string };

export type ActionEntry =
  | (Common & {
      input: (ids: Ids) => unknown;
      /** Answers the in-scope call may give besides success (the record was found, its state refused the change). */
      positiveMayRefuse?: string[];
    })
  /**
   * An action without a record id; with `onlyFor`, every other role calling it with `input`
   * gets NOT_FOUND and nothing is written.
   */
  | { noId: string; onlyFor?: Role[]; input?: unknown };

const NO_ID_LIST = "a list of the caller's own scope: filters narrow it, they never read a record by id";

export const PAGES: Record<string, PageEntry> = {
  "app/(app)/cases/[id]/page.tsx": { needs: ["caseId"], params: (i) => ({ id: i.caseId }), positive: "psychologist" },
  "app/(app)/cases/[id]/history/page.tsx": {
    needs: ["caseId"],
    params: (i) => ({ id: i.caseId }),
    positive: "psychologist",
  },
  "app/(app)/cases/[id]/visits/page.tsx": {
    needs: ["caseId"],
    params: (i) => ({ id: i.caseId }),
    positive: "psychologist",
  },
  "app/(app)/cases/[id]/evaluations/page.tsx": {
    needs: ["caseId"],
    params: (i) => ({ id: i.caseId }),
    positive: "psychologist",
  },
  "app/(app)/cases/[id]/referrals/page.tsx": {
    needs: ["caseId"],
    params: (i) => ({ id: i.caseId }),
    positive: "psychologist",
  },
  "app/(app)/cases/[id]/evaluations/[evaluationId]/page.tsx": {
    needs: ["caseId", "evaluationId"],
    params: (i) => ({ id: i.caseId, evaluationId: i.evaluationId }),
    positive: "psychologist",
  },
  "app/(app)/cases/[id]/evaluations/[evaluationId]/edit/page.tsx": {
    needs: ["caseId", "draftId"],
    params: (i) => ({ id: i.caseId, evaluationId: i.draftId }),
    positive: "psychologist",
  },
  "app/(app)/cases/[id]/evaluations/compare/page.tsx": {
    needs: ["caseId"],
    params: (i) => ({ id: i.caseId }),
    positive: "psychologist",
  },
  "app/(app)/cases/[id]/print/page.tsx": {
    needs: ["caseId"],
    params: (i) => ({ id: i.caseId }),
    positive: "psychologist",
  },
  "app/(app)/cases/[id]/referrals/new/page.tsx": {
    needs: ["caseId"],
    params: (i) => ({ id: i.caseId }),
    positive: "psychologist",
  },
  "app/(app)/cases/[id]/visits/new/page.tsx": {
    needs: ["caseId"],
    params: (i) => ({ id: i.caseId }),
    positive: "psychologist",
  },
  "app/(app)/referrals/[id]/page.tsx": {
    needs: ["referralId"],
    params: (i) => ({ id: i.referralId }),
    positive: "agency",
  },
  "app/(app)/students/[id]/page.tsx": {
    needs: ["studentId"],
    params: (i) => ({ id: i.studentId }),
    positive: "director",
  },
  "app/(app)/students/[id]/edit/page.tsx": {
    needs: ["studentId"],
    params: (i) => ({ id: i.studentId }),
    positive: "director",
  },
  "app/(app)/visits/[id]/page.tsx": {
    needs: ["visitId"],
    params: (i) => ({ id: i.visitId }),
    positive: "psychologist",
  },

  // Ids in the query string.
  "app/(app)/attendance/page.tsx": {
    needs: ["sectionKey"],
    searchParams: (i) => ({ sec: i.sectionKey }),
    positive: "director",
  },
  "app/(app)/reports/page.tsx": {
    needs: ["schoolId"],
    searchParams: (i) => ({ school: i.schoolId }),
    positive: "director",
  },
  "app/(app)/reports/reachability/page.tsx": {
    needs: ["schoolId"],
    searchParams: (i) => ({ school: i.schoolId }),
    positive: "director",
  },

  // Configuration pages: the administrator's only.
  "app/(app)/admin/alert-rules/page.tsx": { onlyFor: ["ADMIN"], positive: "admin" },
  "app/(app)/admin/referral-deadlines/page.tsx": { onlyFor: ["ADMIN"], positive: "admin" },
  "app/(app)/admin/users/page.tsx": { onlyFor: ["ADMIN"], positive: "admin" },
  "app/(app)/admin/retention/page.tsx": { onlyFor: ["ADMIN"], positive: "admin" },
  "app/(app)/admin/holidays/page.tsx": { onlyFor: ["ADMIN"], positive: "admin" },
  "app/(app)/admin/schools/page.tsx": { onlyFor: ["ADMIN"], positive: "admin" },
  "app/(app)/admin/agencies/page.tsx": { onlyFor: ["ADMIN"], positive: "admin" },

  "app/(app)/page.tsx": { noId: "home: counts and lists of the caller's own scope" },
  "app/(app)/alerts/page.tsx": { noId: NO_ID_LIST },
  "app/(app)/alerts/rules/page.tsx": { noId: "the alert rules of the director's own schools" },
  "app/(app)/attendance/import/page.tsx": { noId: "an upload form; its route handler is probed" },
  "app/(app)/cases/page.tsx": { noId: NO_ID_LIST },
  "app/(app)/notifications/page.tsx": { noId: "the caller's own notifications" },
  "app/(app)/referrals/page.tsx": { noId: NO_ID_LIST },
  "app/(app)/settings/page.tsx": { noId: "the caller's own account" },
  "app/(app)/students/import/page.tsx": { noId: "an upload form; its route handler is probed" },
  "app/(app)/students/new/page.tsx": { noId: "a blank form over the caller's own schools; its action is probed" },
  "app/(app)/students/page.tsx": { noId: NO_ID_LIST },
  "app/(app)/visits/page.tsx": { noId: NO_ID_LIST },
  "app/login/page.tsx": { noId: "public sign-in page" },
};

const csv = (name: string): RouteEntry => ({
  needs: ["schoolId"],
  request: (i) => ({ path: `/reports/${name}.csv?school=${i.schoolId}` }),
  // Exports are the coordinator's (reports.export).
  positive: "coordinator",
});

/** A roster or attendance file posted for the preview (which writes nothing). */
const upload =
  (path: string, file: string) =>
  (i: Ids): { path: string; init: RequestInit } => {
    const form = new FormData();
    form.set("schoolCode", i.schoolCode);
    form.set("phase", "preview");
    form.set("file", new File([file], "archivo.csv", { type: "text/csv" }));
    return { path, init: { method: "POST", body: form } };
  };

/** The saves a phone sends with fetch (lib/actions/json-route.ts): JSON, from this site. */
const jsonPost = (path: string, body: unknown) => ({
  path,
  init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
});

/** The attendance save of one student of the section, on any day (a weekend is confirmed). */
const attendanceInput = (i: Ids) => {
  const [schoolId, grade, section] = i.sectionKey.split(":");
  return {
    schoolId,
    grade,
    section,
    date: today(),
    marks: [{ studentId: i.studentId, status: "PRESENT" }],
    confirmNonSchoolDay: true,
  };
};

/**
 * A visit outcome with the phone's submission key. The route's in-scope call records it; the
 * action's, later, sends the same outcome with the same key and is answered as recorded.
 */
const visitOutcomeInput = (i: Ids) => ({
  visitId: i.visitId,
  outcome: "NOBODY_HOME",
  addressAction: "NONE",
  submissionKey: "6f1c1f9e-2f7a-4c55-9a51-1b0d7d3c2a10",
});

export const ROUTES: Record<string, RouteEntry> = {
  "app/(app)/attendance/save/route.ts": {
    needs: ["sectionKey", "studentId"],
    request: (i) => jsonPost("/attendance/save", attendanceInput(i)),
    positive: "director",
  },
  "app/(app)/visits/[id]/outcome/route.ts": {
    needs: ["visitId"],
    request: (i) => jsonPost(`/visits/${i.visitId}/outcome`, visitOutcomeInput(i)),
    positive: "psychologist",
  },
  "app/(app)/reports/funnel.csv/route.ts": csv("funnel"),
  "app/(app)/reports/grade-sex.csv/route.ts": csv("grade-sex"),
  "app/(app)/reports/prevalence.csv/route.ts": csv("prevalence"),
  "app/(app)/reports/reachability.csv/route.ts": csv("reachability"),
  "app/(app)/reports/referrals.csv/route.ts": csv("referrals"),
  "app/(app)/students/import/upload/route.ts": {
    needs: ["schoolCode"],
    request: upload("/students/import/upload", "DNI;Apellido paterno;Nombres;Sexo;Grado;Sección\n"),
    positive: "director",
  },
  "app/(app)/attendance/import/upload/route.ts": {
    needs: ["schoolCode"],
    request: upload("/attendance/import/upload", "DNI;Fecha;Estado\n"),
    positive: "director",
  },
  "app/api/auth/[...nextauth]/route.ts": { noId: "next-auth's own endpoints (sign-in, session, CSRF): no record id" },
  "app/api/health/route.ts": { noId: "liveness and database check: no record id" },
};

const today = () => todayInLima();
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const studentRecord = {
  documentType: "DNI",
  documentNumber: "99887766",
  paternalSurname: "Apellido Probado",
  maternalSurname: "",
  givenNames: "Nombre Probado",
  sex: "F",
  birthDate: "2011-03-09",
  level: "SECONDARY",
  grade: "3",
  section: "B",
};

// In the order the in-scope calls run (after every out-of-scope call): each may change the
// outsider records the next ones use (versions are re-read before each call).
export const ACTIONS: Record<string, ActionEntry> = {
  "lib/visits/actions.ts#scheduleVisitAction": {
    needs: ["caseId"],
    input: (i) => ({
      caseId: i.caseId,
      scheduledFor: tomorrow(),
      timeWindow: "AFTERNOON",
      assigneeId: i.userId,
      purpose: "Visita de control",
    }),
    positive: "psychologist",
  },
  "lib/visits/actions.ts#scheduleNextVisitAction": {
    needs: ["caseId"],
    input: (i) => ({
      caseId: i.caseId,
      scheduledFor: tomorrow(),
      timeWindow: "MORNING",
      assigneeId: i.userId,
      purpose: "Segundo intento",
    }),
    positive: "psychologist",
  },
  "lib/visits/actions.ts#recordVisitOutcomeAction": {
    needs: ["visitId"],
    input: visitOutcomeInput,
    positive: "psychologist",
  },
  "lib/visits/actions.ts#recordContactAttemptAction": {
    needs: ["caseId"],
    input: (i) => ({ caseId: i.caseId, channel: "PHONE", outcome: "NO_ANSWER" }),
    positive: "psychologist",
  },
  "lib/cases/actions.ts#addCaseNoteAction": {
    needs: ["caseId"],
    input: (i) => ({ caseId: i.caseId, version: i.caseVersion, body: "Nota de control" }),
    positive: "psychologist",
  },
  "lib/cases/actions.ts#assignCaseMemberAction": {
    needs: ["caseId"],
    input: (i) => ({ caseId: i.caseId, version: i.caseVersion, userId: i.userId }),
    positive: "psychologist",
  },
  "lib/cases/actions.ts#unassignCaseMemberAction": {
    needs: ["caseId"],
    input: (i) => ({ caseId: i.caseId, version: i.caseVersion, userId: i.userId }),
    positive: "psychologist",
  },
  "lib/cases/actions.ts#changeCaseStateAction": {
    needs: ["caseId"],
    input: (i) => ({ caseId: i.caseId, version: i.caseVersion, to: "INTERVENTION" }),
    positive: "psychologist",
  },
  "lib/risk/actions.ts#startEvaluationAction": {
    needs: ["caseId"],
    input: (i) => ({ caseId: i.caseId }),
    positive: "psychologist",
  },
  "lib/risk/actions.ts#saveEvaluationAction": {
    needs: ["caseId", "draftId"],
    input: (i) => ({ caseId: i.caseId, evaluationId: i.draftId, version: 1, intent: "draft", answers: {} }),
    positive: "psychologist",
  },
  "lib/risk/actions.ts#shareSensitiveAnswersAction": {
    needs: ["caseId", "evaluationId"],
    input: (i) => ({ caseId: i.caseId, evaluationId: i.evaluationId, share: true }),
    positive: "psychologist",
  },
  "lib/risk/actions.ts#discardEvaluationDraftAction": {
    needs: ["caseId", "draftId"],
    input: (i) => ({ caseId: i.caseId, evaluationId: i.draftId }),
    positive: "psychologist",
  },
  "lib/tasks/actions.ts#completeCaseTaskAction": {
    needs: ["caseId", "taskId"],
    input: (i) => ({ caseId: i.caseId, taskId: i.taskId, channel: "PHONE", contact: "Mesa de partes del CSMC" }),
    positive: "psychologist",
  },
  "lib/referrals/actions.ts#createReferralAction": {
    needs: ["caseId"],
    input: (i) => ({
      caseId: i.caseId,
      agencyId: i.freeAgencyId,
      reason: "Derivación de control",
      urgency: "ROUTINE",
      legalBasis: "CHILD_PROTECTION_DUTY",
      legalNorm: "Ley 27337",
      sharedSections: ["IDENTIFICATION"],
    }),
    positive: "psychologist",
  },
  "lib/referrals/actions.ts#acceptReferralAction": {
    needs: ["referralId"],
    input: (i) => ({ referralId: i.referralId, version: i.referralVersion }),
    positive: "agency",
  },
  "lib/referrals/actions.ts#startReferralAction": {
    needs: ["referralId"],
    input: (i) => ({ referralId: i.referralId, version: i.referralVersion }),
    positive: "agency",
  },
  "lib/referrals/actions.ts#rejectReferralAction": {
    needs: ["referralId"],
    input: (i) => ({ referralId: i.referralId, version: i.referralVersion, rejectionReason: "Fuera de competencia" }),
    positive: "agency",
    // Already started by the call before: the answer is about its state, so it was found.
    positiveMayRefuse: ["INVALID_TRANSITION"],
  },
  "lib/referrals/actions.ts#closeReferralAction": {
    needs: ["referralId"],
    input: (i) => ({
      referralId: i.referralId,
      version: i.referralVersion,
      counterReferral: "Atendido",
      nextSteps: "Seguimiento escolar",
      returnsToSchool: "yes",
    }),
    positive: "agency",
  },
  "lib/cases/actions.ts#openCaseFromAlertAction": {
    needs: ["alertId"],
    input: (i) => ({ alertId: i.alertId }),
    positive: "director",
  },
  "lib/alerts/actions.ts#dismissAlertAction": {
    needs: ["alertId"],
    input: (i) => ({ alertId: i.alertId, reason: "Ya se atiende en el caso" }),
    positive: "director",
    // Handled by the call before (a case was opened from it): found, no longer open.
    positiveMayRefuse: ["CONFLICT"],
  },
  "lib/notifications/actions.ts#markNotificationReadAction": {
    needs: ["notificationId"],
    input: (i) => ({ notificationId: i.notificationId }),
    positive: "psychologist",
  },
  "lib/students/actions.ts#setStudentStatusAction": {
    needs: ["studentId"],
    input: (i) => ({ id: i.studentId, status: "ACTIVE" }),
    positive: "director",
  },
  "lib/students/actions.ts#updateStudentAction": {
    needs: ["studentId"],
    input: (i) => ({ id: i.studentId, ...studentRecord }),
    positive: "director",
  },
  "lib/students/actions.ts#createStudentAction": {
    needs: ["schoolId"],
    input: (i) => ({ schoolId: i.schoolId, ...studentRecord, documentNumber: "99887700" }),
    positive: "director",
  },
  "lib/attendance/actions.ts#saveAttendanceAction": {
    needs: ["sectionKey", "studentId"],
    input: attendanceInput,
    positive: "director",
  },
  "lib/alerts/actions.ts#updateAlertRulesAction": {
    needs: ["schoolId"],
    input: (i) => ({
      rules: [{ schoolId: i.schoolId, kind: "CONSECUTIVE_UNJUSTIFIED", threshold: "4", active: "true" }],
    }),
    positive: "admin",
    inScopeFor: ["ADMIN"],
  },
  "lib/users/actions.ts#endUserSessionsAction": {
    needs: ["userId"],
    input: (i) => ({ userId: i.userId }),
    positive: "admin",
    inScopeFor: ["ADMIN"],
  },
  "lib/users/actions.ts#setUserActiveAction": {
    needs: ["userId"],
    input: (i) => ({ userId: i.userId, active: "true" }),
    positive: "admin",
    inScopeFor: ["ADMIN"],
  },

  "lib/notifications/actions.ts#markAllNotificationsReadAction": { noId: "the caller's own notifications" },
  "lib/referrals/deadline-actions.ts#updateReferralDeadlinesAction": {
    noId: "instance settings",
    onlyFor: ["ADMIN"],
    input: { URGENT: "24", PRIORITY: "72", ROUTINE: "168" },
  },
  "lib/holidays/actions.ts#addHolidayAction": {
    noId: "the national holiday list",
    onlyFor: ["ADMIN"],
    input: { day: "2030-01-02", name: "Feriado de la sonda" },
  },
  "lib/holidays/actions.ts#removeHolidayAction": {
    noId: "the national holiday list",
    onlyFor: ["ADMIN"],
    input: { day: "2030-01-01" },
  },
  "lib/retention/actions.ts#updateRetentionYearsAction": {
    noId: "instance settings",
    onlyFor: ["ADMIN"],
    input: { years: "1" },
  },
  "lib/retention/actions.ts#anonymiseExpiredCasesAction": {
    noId: "every closed case past the period, confirmed by count",
    onlyFor: ["ADMIN"],
    input: { cutoff: "2000-01-01", expected: "1" },
  },
  "lib/users/actions.ts#changePasswordAction": { noId: "the caller's own password" },
  "app/(app)/settings/actions.ts#updateLocaleAction": { noId: "the caller's own language" },
  "lib/auth/actions.ts#signInAction": { noId: "credentials, no session" },
  "lib/auth/actions.ts#signOutAction": { noId: "ends the caller's own session" },
};
