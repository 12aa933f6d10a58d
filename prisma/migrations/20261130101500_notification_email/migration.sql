-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "emailedAt" TIMESTAMPTZ(3);
