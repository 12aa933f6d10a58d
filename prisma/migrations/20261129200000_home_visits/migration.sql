-- CreateEnum
CREATE TYPE "VisitTimeWindow" AS ENUM ('MORNING', 'AFTERNOON');

-- CreateEnum
CREATE TYPE "AddressChangeKind" AS ENUM ('CONFIRMED', 'CORRECTED');

-- AlterEnum
-- Contact through a neighbour or another family. The new values are not used in this
-- migration (PostgreSQL refuses a value added in the same transaction).
ALTER TYPE "ContactChannel" ADD VALUE 'NEIGHBOUR';
ALTER TYPE "ContactChannel" ADD VALUE 'OTHER_FAMILY';

-- AlterTable
ALTER TABLE "home_visit" ADD COLUMN     "correctedDistrict" TEXT,
ADD COLUMN     "correctedReference" TEXT,
ADD COLUMN     "correctedStreet" TEXT,
ADD COLUMN     "metWith" TEXT,
ADD COLUMN     "purpose" TEXT,
ADD COLUMN     "recordedAt" TIMESTAMPTZ(3),
ADD COLUMN     "recordedById" UUID,
ADD COLUMN     "timeWindow" "VisitTimeWindow";

-- The free-text corrected address becomes the street of the structured one; visits already
-- made get the half-day in which they happened (Lima time).
UPDATE "home_visit" SET "correctedStreet" = "addressCorrected" WHERE "addressCorrected" IS NOT NULL;
UPDATE "home_visit"
SET "timeWindow" = CASE WHEN extract(hour FROM "visitedAt" AT TIME ZONE 'America/Lima') < 13
                        THEN 'MORNING'::"VisitTimeWindow" ELSE 'AFTERNOON'::"VisitTimeWindow" END
WHERE "visitedAt" IS NOT NULL;
ALTER TABLE "home_visit" DROP COLUMN "addressCorrected";

-- An outcome exists exactly when the visit is DONE: recording it is the SCHEDULED -> DONE step.
ALTER TABLE "home_visit" ADD CONSTRAINT "home_visit_outcome_iff_done_chk" CHECK (("status" = 'DONE') = ("outcome" IS NOT NULL));

-- CreateTable
CREATE TABLE "student_address_history" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "studentId" UUID NOT NULL,
    "schoolId" UUID NOT NULL,
    "kind" "AddressChangeKind" NOT NULL,
    "previousStreet" TEXT,
    "previousReference" TEXT,
    "previousDistrict" TEXT,
    "previousVerifiedAt" DATE,
    "newStreet" TEXT NOT NULL,
    "newReference" TEXT,
    "newDistrict" TEXT,
    "verifiedAt" DATE NOT NULL,
    "visitId" UUID,
    "changedById" UUID NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "student_address_history_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "student_address_history_studentId_changedAt_idx" ON "student_address_history"("studentId", "changedAt");

-- CreateIndex
CREATE INDEX "student_address_history_schoolId_changedAt_idx" ON "student_address_history"("schoolId", "changedAt");

-- CreateIndex
CREATE INDEX "student_address_history_visitId_idx" ON "student_address_history"("visitId");

-- CreateIndex
CREATE INDEX "student_address_history_changedById_idx" ON "student_address_history"("changedById");

-- CreateIndex
CREATE INDEX "home_visit_assigneeId_status_scheduledFor_idx" ON "home_visit"("assigneeId", "status", "scheduledFor");

-- CreateIndex
CREATE INDEX "home_visit_studentId_visitedAt_idx" ON "home_visit"("studentId", "visitedAt");

-- CreateIndex
CREATE INDEX "contact_attempt_studentId_attemptedAt_idx" ON "contact_attempt"("studentId", "attemptedAt");

-- AddForeignKey
-- Tied to the student's school like every row about a student (decision 008).
ALTER TABLE "student_address_history" ADD CONSTRAINT "student_address_history_studentId_schoolId_fkey" FOREIGN KEY ("studentId", "schoolId") REFERENCES "student"("id", "schoolId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "student_address_history" ADD CONSTRAINT "student_address_history_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "home_visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "student_address_history" ADD CONSTRAINT "student_address_history_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

