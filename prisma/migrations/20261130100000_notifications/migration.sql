-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('REFERRAL_RECEIVED', 'REFERRAL_ACCEPTED', 'REFERRAL_REJECTED', 'REFERRAL_IN_PROGRESS', 'REFERRAL_CLOSED', 'REFERRAL_DUE_SOON', 'REFERRAL_OVERDUE');

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "referralId" UUID,
    "caseId" UUID,
    "schoolId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "dedupeKey" TEXT,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_userId_createdAt_idx" ON "notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "notification_referralId_idx" ON "notification"("referralId");

-- CreateIndex
CREATE INDEX "notification_caseId_idx" ON "notification"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "notification_userId_dedupeKey_key" ON "notification"("userId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "school"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The unread count in every page's header: one index-only count over a user's unread rows.
-- Partial, so read notifications (the bulk, over time) cost it nothing. Prisma's schema cannot
-- express it; it is listed in tests/helpers/expected-catalog.ts.
CREATE INDEX "notification_user_unread_idx" ON "notification"("userId") WHERE "readAt" IS NULL;
