-- AlterTable
ALTER TABLE "referral" ADD COLUMN     "overdueAt" TIMESTAMPTZ(3);

-- Marked by the deadlines job once the response deadline has passed (never before it).
ALTER TABLE "referral" ADD CONSTRAINT "referral_overdue_after_due_chk" CHECK ("overdueAt" IS NULL OR "overdueAt" >= "dueAt");
