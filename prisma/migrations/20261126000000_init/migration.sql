-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "AgencyType" AS ENUM ('DEMUNA', 'CEM', 'CSMC', 'BAPES', 'UGEL');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'COORDINATOR', 'DIRECTOR', 'TUTOR', 'PSYCHOLOGIST', 'SOCIAL_WORKER', 'EDUCATOR', 'AGENCY_STAFF');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('es', 'en');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('DNI', 'CE', 'CODIGO', 'NONE');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('F', 'M');

-- CreateEnum
CREATE TYPE "EducationLevel" AS ENUM ('PRIMARY', 'SECONDARY');

-- CreateEnum
CREATE TYPE "StudentStatus" AS ENUM ('ACTIVE', 'WITHDRAWN', 'TRANSFERRED');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'LATE', 'JUSTIFIED', 'UNJUSTIFIED');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('CONSECUTIVE_UNJUSTIFIED', 'UNJUSTIFIED_RATE', 'CHRONIC_TIER2', 'CHRONIC_TIER3', 'CONCERN');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'DISMISSED', 'CASE_OPENED');

-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('OPEN', 'CONTACTING', 'EVALUATION', 'INTERVENTION', 'MONITORING', 'CLOSED');

-- CreateEnum
CREATE TYPE "CaseOutcome" AS ENUM ('REINTEGRATED', 'TRANSFERRED', 'DROPPED_OUT', 'OTHER');

-- CreateEnum
CREATE TYPE "CaseEventType" AS ENUM ('NOTE', 'STATE_CHANGE', 'ALERT', 'ABSENCE', 'ASSIGNMENT', 'HOME_VISIT', 'CONTACT_ATTEMPT', 'EVALUATION', 'REFERRAL', 'REFERRAL_UPDATE');

-- CreateEnum
CREATE TYPE "VisitStatus" AS ENUM ('SCHEDULED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "VisitOutcome" AS ENUM ('CONTACTED', 'NOBODY_HOME', 'ADDRESS_NOT_FOUND', 'MOVED', 'REFUSED');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('PHONE', 'WHATSAPP', 'IN_SCHOOL');

-- CreateEnum
CREATE TYPE "ContactOutcome" AS ENUM ('REACHED', 'NO_ANSWER', 'WRONG_NUMBER', 'REFUSED');

-- CreateEnum
CREATE TYPE "RiskDomain" AS ENUM ('HISTORICAL', 'SOCIAL', 'INDIVIDUAL', 'PROTECTIVE');

-- CreateEnum
CREATE TYPE "SensitiveCategory" AS ENUM ('VIOLENCE', 'ABUSE', 'SUBSTANCE', 'MENTAL_HEALTH');

-- CreateEnum
CREATE TYPE "RiskAnswerValue" AS ENUM ('PRESENT', 'ABSENT', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('LOW', 'MODERATE', 'HIGH');

-- CreateEnum
CREATE TYPE "ReferralUrgency" AS ENUM ('URGENT', 'PRIORITY', 'ROUTINE');

-- CreateEnum
CREATE TYPE "LegalBasis" AS ENUM ('GUARDIAN_CONSENT', 'CHILD_PROTECTION_DUTY');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('SENT', 'ACCEPTED', 'REJECTED', 'IN_PROGRESS', 'CLOSED');

-- CreateEnum
CREATE TYPE "SharedSection" AS ENUM ('IDENTIFICATION', 'CONTACT', 'ATTENDANCE', 'HOME_VISITS', 'RISK_SUMMARY', 'RISK_ANSWERS', 'RISK_SENSITIVE', 'NOTES');

-- CreateTable
CREATE TABLE "school" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "codigoModular" VARCHAR(7) NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "school_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agency" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "type" "AgencyType" NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "district" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "locale" "Locale" NOT NULL DEFAULT 'es',
    "agencyId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_school" (
    "userId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,

    CONSTRAINT "user_school_pkey" PRIMARY KEY ("userId","schoolId")
);

-- CreateTable
CREATE TABLE "student" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "schoolId" UUID NOT NULL,
    "documentType" "DocumentType" NOT NULL,
    "documentNumber" TEXT,
    "paternalSurname" TEXT NOT NULL,
    "maternalSurname" TEXT NOT NULL DEFAULT '',
    "givenNames" TEXT NOT NULL,
    "sex" "Sex" NOT NULL,
    "birthDate" DATE,
    "level" "EducationLevel" NOT NULL DEFAULT 'SECONDARY',
    "grade" SMALLINT NOT NULL,
    "section" VARCHAR(10) NOT NULL,
    "status" "StudentStatus" NOT NULL DEFAULT 'ACTIVE',
    "addressStreet" TEXT,
    "addressReference" TEXT,
    "addressDistrict" TEXT,
    "addressVerifiedAt" DATE,
    "phone" TEXT,
    "phoneVerifiedAt" DATE,
    "guardianName" TEXT,
    "guardianRelationship" TEXT,
    "guardianPhone" TEXT,
    "guardianVerifiedAt" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "student_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance" (
    "studentId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "schoolId" UUID NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "recordedById" UUID,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendance_pkey" PRIMARY KEY ("studentId","date")
);

-- CreateTable
CREATE TABLE "attendance_day" (
    "schoolId" UUID NOT NULL,
    "grade" SMALLINT NOT NULL,
    "section" VARCHAR(10) NOT NULL,
    "date" DATE NOT NULL,
    "recordedById" UUID,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendance_day_pkey" PRIMARY KEY ("schoolId","grade","section","date")
);

-- CreateTable
CREATE TABLE "alert_rule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "schoolId" UUID NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "windowDays" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "schoolId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "ruleId" UUID,
    "kind" "AlertKind" NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
    "openKey" TEXT,
    "figures" JSONB NOT NULL,
    "firstDate" DATE,
    "lastDate" DATE,
    "raisedById" UUID,
    "note" TEXT,
    "dismissReason" TEXT,
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMPTZ(3),
    "caseId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_file" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "schoolId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "state" "CaseState" NOT NULL DEFAULT 'OPEN',
    "outcome" "CaseOutcome",
    "outcomeNote" TEXT,
    "openKey" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "openedById" UUID,
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_assignment" (
    "caseId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_assignment_pkey" PRIMARY KEY ("caseId","userId")
);

-- CreateTable
CREATE TABLE "case_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "caseId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "type" "CaseEventType" NOT NULL,
    "actorId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "body" TEXT,
    "data" JSONB,

    CONSTRAINT "case_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "home_visit" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "caseId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "scheduledFor" DATE NOT NULL,
    "assigneeId" UUID,
    "status" "VisitStatus" NOT NULL DEFAULT 'SCHEDULED',
    "outcome" "VisitOutcome",
    "visitedAt" TIMESTAMPTZ(3),
    "addressConfirmed" BOOLEAN,
    "addressCorrected" TEXT,
    "notes" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "home_visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_attempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "caseId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "channel" "ContactChannel" NOT NULL,
    "outcome" "ContactOutcome" NOT NULL,
    "attemptedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notes" TEXT,
    "actorId" UUID,

    CONSTRAINT "contact_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_instrument" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_instrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_item" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "instrumentId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "domain" "RiskDomain" NOT NULL,
    "position" INTEGER NOT NULL,
    "labelEs" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "sensitiveCategory" "SensitiveCategory",
    "urgentReferralTo" "AgencyType",

    CONSTRAINT "risk_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_evaluation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "caseId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "instrumentId" UUID NOT NULL,
    "evaluatorId" UUID,
    "evaluatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "suggestedLevel" "RiskLevel",
    "overallLevel" "RiskLevel" NOT NULL,
    "rationale" TEXT NOT NULL,
    "protectiveNotes" TEXT,

    CONSTRAINT "risk_evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_answer" (
    "evaluationId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "value" "RiskAnswerValue" NOT NULL,

    CONSTRAINT "risk_answer_pkey" PRIMARY KEY ("evaluationId","itemId")
);

-- CreateTable
CREATE TABLE "referral" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "caseId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "urgency" "ReferralUrgency" NOT NULL,
    "legalBasis" "LegalBasis" NOT NULL,
    "legalBasisNote" TEXT,
    "sharedSections" "SharedSection"[],
    "status" "ReferralStatus" NOT NULL DEFAULT 'SENT',
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMPTZ(3),
    "rejectionReason" TEXT,
    "counterReferral" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "respondedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "schoolId" UUID,
    "origin" TEXT,
    "details" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instance_setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "instance_setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "school_codigoModular_key" ON "school"("codigoModular");

-- CreateIndex
CREATE UNIQUE INDEX "agency_code_key" ON "agency"("code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_agencyId_idx" ON "app_user"("agencyId");

-- CreateIndex
CREATE INDEX "user_school_schoolId_idx" ON "user_school"("schoolId");

-- CreateIndex
CREATE INDEX "student_schoolId_grade_section_idx" ON "student"("schoolId", "grade", "section");

-- CreateIndex
CREATE INDEX "student_schoolId_paternalSurname_maternalSurname_givenNames_idx" ON "student"("schoolId", "paternalSurname", "maternalSurname", "givenNames");

-- CreateIndex
CREATE UNIQUE INDEX "student_schoolId_documentType_documentNumber_key" ON "student"("schoolId", "documentType", "documentNumber");

-- CreateIndex
CREATE INDEX "attendance_schoolId_date_idx" ON "attendance"("schoolId", "date");

-- CreateIndex
CREATE INDEX "attendance_day_schoolId_date_idx" ON "attendance_day"("schoolId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "alert_rule_schoolId_kind_key" ON "alert_rule"("schoolId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "alert_openKey_key" ON "alert"("openKey");

-- CreateIndex
CREATE INDEX "alert_schoolId_status_createdAt_idx" ON "alert"("schoolId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "alert_studentId_idx" ON "alert"("studentId");

-- CreateIndex
CREATE INDEX "alert_caseId_idx" ON "alert"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "case_file_openKey_key" ON "case_file"("openKey");

-- CreateIndex
CREATE INDEX "case_file_schoolId_state_idx" ON "case_file"("schoolId", "state");

-- CreateIndex
CREATE INDEX "case_file_studentId_idx" ON "case_file"("studentId");

-- CreateIndex
CREATE INDEX "case_assignment_userId_idx" ON "case_assignment"("userId");

-- CreateIndex
CREATE INDEX "case_event_caseId_occurredAt_idx" ON "case_event"("caseId", "occurredAt");

-- CreateIndex
CREATE INDEX "home_visit_schoolId_status_idx" ON "home_visit"("schoolId", "status");

-- CreateIndex
CREATE INDEX "home_visit_caseId_idx" ON "home_visit"("caseId");

-- CreateIndex
CREATE INDEX "contact_attempt_caseId_idx" ON "contact_attempt"("caseId");

-- CreateIndex
CREATE INDEX "contact_attempt_schoolId_idx" ON "contact_attempt"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "risk_instrument_version_key" ON "risk_instrument"("version");

-- CreateIndex
CREATE UNIQUE INDEX "risk_item_instrumentId_code_key" ON "risk_item"("instrumentId", "code");

-- CreateIndex
CREATE INDEX "risk_evaluation_caseId_evaluatedAt_idx" ON "risk_evaluation"("caseId", "evaluatedAt");

-- CreateIndex
CREATE INDEX "risk_evaluation_schoolId_idx" ON "risk_evaluation"("schoolId");

-- CreateIndex
CREATE INDEX "risk_answer_itemId_idx" ON "risk_answer"("itemId");

-- CreateIndex
CREATE INDEX "referral_agencyId_status_idx" ON "referral"("agencyId", "status");

-- CreateIndex
CREATE INDEX "referral_caseId_idx" ON "referral"("caseId");

-- CreateIndex
CREATE INDEX "referral_schoolId_status_idx" ON "referral"("schoolId", "status");

-- CreateIndex
CREATE INDEX "audit_log_schoolId_at_idx" ON "audit_log"("schoolId", "at");

-- CreateIndex
CREATE INDEX "audit_log_entity_entityId_idx" ON "audit_log"("entity", "entityId");

-- CreateIndex
CREATE INDEX "audit_log_actorId_at_idx" ON "audit_log"("actorId", "at");

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_school" ADD CONSTRAINT "user_school_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_school" ADD CONSTRAINT "user_school_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "school"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "student" ADD CONSTRAINT "student_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "student"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attendance_day" ADD CONSTRAINT "attendance_day_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rule" ADD CONSTRAINT "alert_rule_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "student"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "alert_rule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_file"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_assignment" ADD CONSTRAINT "case_assignment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_assignment" ADD CONSTRAINT "case_assignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "home_visit" ADD CONSTRAINT "home_visit_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "home_visit" ADD CONSTRAINT "home_visit_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_attempt" ADD CONSTRAINT "contact_attempt_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_attempt" ADD CONSTRAINT "contact_attempt_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_item" ADD CONSTRAINT "risk_item_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "risk_instrument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_evaluation" ADD CONSTRAINT "risk_evaluation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_evaluation" ADD CONSTRAINT "risk_evaluation_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_evaluation" ADD CONSTRAINT "risk_evaluation_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "risk_instrument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_answer" ADD CONSTRAINT "risk_answer_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "risk_evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_answer" ADD CONSTRAINT "risk_answer_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "risk_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "student"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Audit rows are append-only: the database itself refuses to change or remove them.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "audit_log_no_update_delete"
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

CREATE TRIGGER "audit_log_no_truncate"
  BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
